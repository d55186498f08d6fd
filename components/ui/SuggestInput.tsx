"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState, type ComponentProps } from "react";
import { controlClasses } from "@/components/ui/field-styles";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import type { SuggestibleType, SuggestionKind } from "@/lib/services/grants/suggest-names";

export interface SuggestionSource {
  kind: SuggestionKind;
  /** For objects: this type's names only; without it, every type's. */
  type?: SuggestibleType;
}

type SuggestInputProps = Omit<ComponentProps<"input">, "list" | "className" | "defaultValue" | "type"> & {
  project: string;
  source: SuggestionSource;
  defaultValue?: string;
  /** Offered ahead of the server's suggestions, e.g. a project's few roles. */
  fixedOptions?: readonly string[];
  /**
   * Called when the user settles on a value: the text is one of the suggestions, or they leave the field. For
   * work too costly (or too noisy in the audit log) to redo at every keystroke, such as fetching the object named.
   */
  onCommit?: (value: string) => void;
};

const DEBOUNCE_MS = 150;

async function fetchSuggestions(
  project: string,
  source: SuggestionSource,
  q: string,
  signal: AbortSignal,
): Promise<string[]> {
  const params = new URLSearchParams({ kind: source.kind, q, ...(source.type ? { type: source.type } : {}) });
  const response = await fetch(`/api/v1/projects/${encodeURIComponent(project)}/suggestions?${params.toString()}`, {
    headers: { accept: "application/json" },
    signal,
  });
  if (!response.ok) throw new Error(`suggestions answered ${response.status}`);
  return ((await response.json()) as { data: { names: string[] } }).data.names;
}

/**
 * A text input whose native `<datalist>` is filled from the server as the user types (names that contain the
 * text), so the page need not ship every name. It accepts any value: the form's server side validates it.
 * Nothing is fetched until the field is used; a failed fetch only means no suggestions.
 */
export function SuggestInput({
  project,
  source,
  defaultValue = "",
  fixedOptions = [],
  onCommit,
  onFocus,
  onChange,
  onBlur,
  ...input
}: SuggestInputProps) {
  const listId = useId();
  const [text, setText] = useState(defaultValue);
  const [used, setUsed] = useState(false);
  const q = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const { data: suggested = [] } = useQuery({
    queryKey: ["suggestions", project, source.kind, source.type ?? "", q],
    queryFn: ({ signal }) => fetchSuggestions(project, source, q, signal),
    enabled: used,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    retry: false,
  });
  const options = [...new Set([...fixedOptions, ...suggested])];
  const typed = text.trim();
  const suggestedMatch =
    typed === "" ? undefined : options.find((option) => option.toLowerCase() === typed.toLowerCase());
  useEffect(() => {
    if (suggestedMatch !== undefined) onCommit?.(suggestedMatch);
  }, [suggestedMatch, onCommit]);
  return (
    <>
      <input
        {...input}
        type="text"
        list={listId}
        defaultValue={defaultValue}
        autoComplete="off"
        spellCheck={false}
        className={controlClasses("h-9")}
        onFocus={(event) => {
          setUsed(true);
          onFocus?.(event);
        }}
        onChange={(event) => {
          setUsed(true);
          setText(event.target.value);
          onChange?.(event);
        }}
        onBlur={(event) => {
          onCommit?.(event.target.value.trim());
          onBlur?.(event);
        }}
      />
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
    </>
  );
}
