import type { ReactNode } from "react";

/**
 * Every page lives under [locale], whose layout renders <html lang>. This root only passes through,
 * so that requests outside any locale can still get the not-found page below.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
