// Next.js configuration: message catalogue plugin, and the server-only libraries kept out of the bundle.
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only libraries are loaded by Node as they are instead of being compiled into each route:
  // the database drivers must be, and the ORM, the auth library and the file readers and writers
  // were most of what the development server compiled before its first answer.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "drizzle-orm", "better-auth", "zod", "exceljs", "pdfkit", "papaparse", "iconv-lite", "busboy"],
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
