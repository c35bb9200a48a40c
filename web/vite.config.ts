import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [
    react(),
    // .br and .gz beside each asset; the server sends them to browsers that accept them.
    compression({ algorithms: ["brotliCompress", "gzip"], exclude: [/\.map$/, /\.html$/] }),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // No source maps in the build: the server would publish them with the app.
    sourcemap: false,
    manifest: true,
    // The candidate portal is its own entry, so it downloads none of the hiring app.
    rollupOptions: {
      input: {
        app: fileURLToPath(new URL("index.html", import.meta.url)),
        portal: fileURLToPath(new URL("portal.html", import.meta.url)),
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
