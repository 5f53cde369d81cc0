// Lesson markdown → HTML that is safe to put in the page. Lessons can come from anywhere (a URL, a
// dropped file), so everything marked produces goes through DOMPurify: no scripts, no event
// handler attributes, no javascript: links. Links open in a new tab, without an opener.

import DOMPurify from 'dompurify';
import { marked } from 'marked';

let hooked = false;

function purify(html: string): string {
  if (!hooked) {
    hooked = true;
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
  }
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe'] });
}

/** A block of lesson prose. */
export function renderMarkdown(source: string): string {
  return purify(marked.parse(source, { async: false, gfm: true }));
}

/** One line (a check's title, a hint's first words): inline markdown only. */
export function renderInline(source: string): string {
  return purify(marked.parseInline(source, { async: false, gfm: true }));
}
