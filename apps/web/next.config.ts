import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // /graphql is rewritten to `${API_URL}/graphql` in src/proxy.ts, not here: `rewrites()` is
  // evaluated by `next build` and frozen into routes-manifest.json, so API_URL would have to be
  // known at build time. The proxy reads it when the portal runs: one build, any API address.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

export default withNextIntl(nextConfig);
