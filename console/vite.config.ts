/// <reference types="vitest/config" />
import { defineConfig, loadEnv } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

export default defineConfig(({ mode }) => {
  // The gateway a developer runs locally (./platform run --sample-data); `npm run dev` proxies the API to it so the
  // console is same-origin there too, as it is when the gateway serves the built files. CONSOLE_GATEWAY changes it.
  const gateway = loadEnv(mode, '.', 'CONSOLE_').CONSOLE_GATEWAY || 'http://localhost:8080';
  return {
  plugins: [
    vue(),
    // Element Plus components and their CSS are imported where a template uses them, so each route's chunk carries
    // only what it shows.
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ],
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline scripts or data: URLs in what the gateway serves (its Content-Security-Policy forbids them).
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': gateway,
      '/auth': gateway,
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
  };
});
