"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";

interface Selection {
  /** The selected items, in the page's order; only undecided items of the page shown. */
  selected: string[];
  /** The undecided items of the page shown: what "select all" selects. */
  selectable: readonly string[];
  toggle(id: string, on: boolean): void;
  setAll(on: boolean): void;
  clear(): void;
}

const SelectionContext = createContext<Selection | null>(null);

/** The row selection of a review's items table: one page's undecided items, for a bulk decision. */
export function ReviewItemSelection({ selectable, children }: { selectable: readonly string[]; children: ReactNode }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // An item decided since (by this reviewer's batch or anyone else's, once the page is refreshed) or no longer
  // on the page drops out of the selection by itself.
  const selected = selectable.filter((id) => chosen.has(id));
  const selection: Selection = {
    selected,
    selectable,
    toggle: (id, on) =>
      setChosen((previous) => {
        const next = new Set(previous);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setAll: (on) => setChosen(new Set(on ? selectable : [])),
    clear: () => setChosen(new Set()),
  };
  return <SelectionContext value={selection}>{children}</SelectionContext>;
}

export function useReviewItemSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useReviewItemSelection outside <ReviewItemSelection>");
  return selection;
}

const BOX = "size-4 rounded accent-accent-600";

/** One row's checkbox, named for screen readers after the grant it stands for. */
export function SelectItemCheckbox({ item, label }: { item: string; label: string }) {
  const { selected, toggle } = useReviewItemSelection();
  return (
    <input
      type="checkbox"
      className={BOX}
      aria-label={label}
      checked={selected.includes(item)}
      onChange={(event) => toggle(item, event.currentTarget.checked)}
    />
  );
}

/** The header's checkbox: selects every undecided item of this page (mixed when some are). */
export function SelectPageCheckbox() {
  const { selected, selectable, setAll } = useReviewItemSelection();
  const box = useRef<HTMLInputElement>(null);
  const all = selectable.length > 0 && selected.length === selectable.length;
  const some = selected.length > 0 && !all;
  useEffect(() => {
    if (box.current) box.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={box}
      type="checkbox"
      className={BOX}
      aria-label="Select every undecided item on this page"
      checked={all}
      disabled={selectable.length === 0}
      onChange={(event) => setAll(event.currentTarget.checked)}
    />
  );
}
