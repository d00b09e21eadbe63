"use client";

/** Prints the page (the print stylesheet keeps the document and drops navigation and forms). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
