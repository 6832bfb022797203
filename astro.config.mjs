// Astro configuration. The site is static; `SITE_BASE` lets the same build be served from a
// sub-path (for example a GitHub Pages project site at /<repo>/).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

const base = process.env.SITE_BASE ?? '/';

export default defineConfig({
  output: 'static',
  base,
  trailingSlash: 'always',
  i18n: {
    locales: ['en', 'ja'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  markdown: {
    remarkPlugins: [remarkMath],
    // throwOnError: a malformed formula fails the build instead of rendering red text.
    rehypePlugins: [[rehypeKatex, { throwOnError: true, strict: 'error' }]],
  },
  integrations: [mdx()],
});
