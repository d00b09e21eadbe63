import { type NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { negotiateLocale } from "./i18n/locale";
import { LOCALE_COOKIE, routing } from "./i18n/routing";
import { apiUrl } from "./lib/api-url";

const intl = createMiddleware(routing);

/**
 * `/graphql` is passed through to the API (the browser's Apollo Client talks to the portal's own
 * origin, so the session cookie is first-party and HttpOnly, and no CORS is needed).
 * `/` goes straight to the caseload in the visitor's language (remembered cookie, else
 * Accept-Language, else English); every other page path goes through next-intl, which redirects
 * paths without a locale prefix and tells the pages which locale they render.
 */
export default function proxy(request: NextRequest): NextResponse {
  if (request.nextUrl.pathname === "/graphql") {
    return NextResponse.rewrite(new URL(`${apiUrl()}/graphql${request.nextUrl.search}`));
  }
  if (request.nextUrl.pathname === "/") {
    const locale = negotiateLocale(
      request.cookies.get(LOCALE_COOKIE)?.value,
      request.headers.get("accept-language"),
    );
    const target = request.nextUrl.clone();
    target.pathname = `/${locale}/caseload`;
    return NextResponse.redirect(target);
  }
  return intl(request);
}

export const config = {
  // The API passthrough, and every page path (not Next's own files, nor anything with an extension).
  matcher: ["/graphql", "/((?!_next|_vercel|.*\\..*).*)"],
};
