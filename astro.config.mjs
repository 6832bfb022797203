// Astro configuration. The site is static; `SITE_BASE` lets the same build be served from a
// sub-path (for example a GitHub Pages project site at /<repo>/).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkHeadingIds from './src/markdown/remark-heading-ids.mjs';
import rehypeKatexFailOnError from './src/markdown/rehype-katex-fail-on-error.mjs';

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
    processor: unified({
      // remarkHeadingIds: `## Title {/* #id */}` fixes a heading's id, so the EN and JA pages share anchors.
      remarkPlugins: [remarkMath, remarkHeadingIds],
      // throwOnError + strict: KaTeX treats malformed or non-standard input as an error. rehype-katex only
      // records such errors as warnings (and renders red text), so rehypeKatexFailOnError fails the build.
      rehypePlugins: [[rehypeKatex, { throwOnError: true, strict: 'error' }], rehypeKatexFailOnError],
    }),
  },
  integrations: [mdx()],
  // Content-Security-Policy as a <meta> in every page's head. Scripts: only the site's own files and the
  // hashes Astro computes for the scripts it emits (no inline script of ours, no eval). Styles: the site's
  // files plus inline styles, which KaTeX's markup and Observable Plot's generated <style> need (styles
  // cannot run code). Everything else from the site itself only: the site sends nothing anywhere.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:", // Vite inlines KaTeX's smallest fonts as data: URLs
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
      ],
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
});
