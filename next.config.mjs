/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder per concurrent e2e run (NEXT_DIST_DIR), so parallel builds never mix.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // PGlite loads its WASM and data files at run time; bundling them breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg"],
  // forbidden() renders app/forbidden.tsx with HTTP 403.
  // Server action bodies: the same 1 MB cap as the API routes (lib/endpoint/capped-body.ts), stated, not assumed.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "1mb" } },
  typescript: {
    // `npm test` type-checks the whole tree once (tsc --noEmit); the build need not repeat it.
    ignoreBuildErrors: true,
    // Next adds its build folder's types to the tsconfig it reads: a side build reads its own copy
    // (written by scripts/start.mjs, extending tsconfig.json), so tsconfig.json stays as committed.
    ...(process.env.NEXT_DIST_DIR ? { tsconfigPath: `${process.env.NEXT_DIST_DIR}.tsconfig.json` } : {}),
  },
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          // Browsers keep to HTTPS for two years once they saw this over HTTPS (it is ignored over plain HTTP).
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
        ],
      },
    ];
  },
};

export default nextConfig;
