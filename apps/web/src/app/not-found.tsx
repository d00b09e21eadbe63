import "./globals.css";

/** Requests outside any locale that the proxy did not redirect (for example a missing file). */
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <title>Page not found — Continuum</title>
        <main id="main" className="page page--narrow">
          <h1>Page not found</h1>
          <p>
            <a href="/">Continuum</a>
          </p>
        </main>
      </body>
    </html>
  );
}
