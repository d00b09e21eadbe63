"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * A confirmation that takes the keyboard focus when it appears (after a change that moved the user
 * to another page), so that screen-reader and keyboard users start from it.
 */
export function FocusedNotice({ children, className }: { children: ReactNode; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <div ref={box} role="status" tabIndex={-1} className={className}>
      {children}
    </div>
  );
}
