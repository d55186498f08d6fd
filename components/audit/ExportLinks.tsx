"use client";

import { useState, type MouseEvent } from "react";
import { buttonClasses } from "@/components/ui/Button";

const FORMATS = [
  { format: "csv", label: "Export CSV" },
  { format: "json", label: "Export JSON" },
] as const;

/** The file name the server gave in Content-Disposition, or a plain one. */
function fileNameOf(response: Response, format: string): string {
  const match = /filename="([^"]{1,200})"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? `audit.${format}`;
}

/**
 * Export links for the filtered set. They are plain download links (they work before the page's scripts load);
 * once loaded, a click fetches the export itself, so a refusal (a set too wide to export whole, a bad filter) is
 * said here, at the links, instead of being saved as the downloaded file.
 */
export function ExportLinks({ hrefs }: { hrefs: Record<"csv" | "json", string> }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function exportAs(event: MouseEvent<HTMLAnchorElement>, format: "csv" | "json") {
    event.preventDefault();
    setBusy(format);
    setError(null);
    try {
      const response = await fetch(hrefs[format]);
      if (!response.ok) {
        const json = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(json?.error?.message ?? `The export was refused (${response.status}).`);
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response, format);
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      setError("The console could not be reached. Try again.");
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {FORMATS.map(({ format, label }) => (
        <a
          key={format}
          href={hrefs[format]}
          download
          onClick={(event) => void exportAs(event, format)}
          aria-disabled={busy !== null}
          className={buttonClasses("secondary", "sm")}
        >
          {busy === format ? "Exporting…" : label}
        </a>
      ))}
      <p role="alert" className="text-sm text-danger-700">
        {error}
      </p>
    </div>
  );
}
