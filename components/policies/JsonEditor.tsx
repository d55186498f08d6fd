"use client";

import { useRef, type ComponentProps, type Ref } from "react";
import { cx } from "@/components/ui/cx";

type JsonEditorProps = Omit<ComponentProps<"textarea">, "className" | "wrap" | "children"> & {
  value: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
};

/**
 * A monospace textarea with line numbers, for policy JSON. Lines do not wrap, so each number stays beside
 * its line; the gutter scrolls with the text. Give it the control props of a Field for its label.
 */
export function JsonEditor({ value, textareaRef, rows = 18, onScroll, ...rest }: JsonEditorProps) {
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = Math.max(value.split("\n").length, Number(rows));
  return (
    <div className="flex overflow-hidden rounded-md border border-slate-300 bg-white font-mono text-xs leading-5 shadow-xs focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-accent-600 has-[[aria-invalid=true]]:border-danger-500">
      <div
        ref={gutter}
        aria-hidden="true"
        className="shrink-0 overflow-hidden border-r border-slate-200 bg-slate-50 px-2 py-2 text-right text-slate-500 select-none"
      >
        {Array.from({ length: lineCount }, (_, line) => (
          <div key={line}>{line + 1}</div>
        ))}
      </div>
      <textarea
        ref={textareaRef}
        value={value}
        rows={rows}
        wrap="off"
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        onScroll={(event) => {
          if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          onScroll?.(event);
        }}
        className={cx(
          "min-w-0 flex-1 resize-y bg-transparent px-3 py-2 text-slate-900 outline-none",
          rest.readOnly && "bg-slate-50",
        )}
        {...rest}
      />
    </div>
  );
}
