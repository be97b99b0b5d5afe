import path from "node:path"
import { fileURLToPath } from "node:url"
import react from "@vitejs/plugin-react"
import tailwindcss from "tailwindcss"
import { defineConfig } from "vite"

/**
 * The vendor panel (issue 22): `npm run panel:build` writes static files to
 * vendor-panel/dist, which the marketplace serves at /vendor-panel.
 *
 * - VENDOR_PANEL_BASE: the path the files are served under (default /vendor-panel/; "/" for a host of its own).
 * - VENDOR_PANEL_BACKEND_URL: the marketplace's URL the panel calls (default: the origin that serves the panel;
 *   `npm run panel:dev` defaults to http://localhost:9000). A panel on another origin needs that origin in VENDOR_CORS.
 */
const root = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig(({ command }) => {
  const base = process.env.VENDOR_PANEL_BASE || "/vendor-panel/"
  const backend = process.env.VENDOR_PANEL_BACKEND_URL ?? (command === "serve" ? "http://localhost:9000" : "")
  return {
    root,
    base: base.endsWith("/") ? base : `${base}/`,
    plugins: [react()],
    define: { __LILIUM_BACKEND_URL__: JSON.stringify(backend.replace(/\/$/, "")) },
    css: { postcss: { plugins: [tailwindcss({ config: path.join(root, "tailwind.config.cjs") })] } },
    build: {
      outDir: path.join(root, "dist"),
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 1500,
    },
    server: { port: 5173, strictPort: true },
    clearScreen: false,
  }
})
