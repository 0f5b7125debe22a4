// A draft act as the platform reads it: Markdown (or a DOCX converted to text by mammoth)
// split into articles and paragraphs. A heading line (`#…`, «Статья 5.», «5-бап», «Article 5»)
// starts an article; every other non-empty line (or a Markdown paragraph) is a paragraph
// of it, the unit people comment on.
import mammoth from 'mammoth';
import { AppError } from '../../platform/errors.ts';

export interface Paragraph {
  position: number;
  article: string | null;
  text: string;
}

const ARTICLE = /^(#{1,6}\s+.+|(Статья|Article|Глава|Chapter|Раздел|Section)\s+\d+.*|\d+[-‑]\s*(бап|тарау).*)$/iu;

export function splitDocument(source: string): Paragraph[] {
  const out: Paragraph[] = [];
  let article: string | null = null;
  for (const raw of source.replace(/\r\n?/g, '\n').split(/\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (ARTICLE.test(line)) {
      article = line.replace(/^#{1,6}\s+/, '').replace(/[*_]{1,2}/g, '').trim();
      continue;
    }
    out.push({ position: out.length + 1, article, text: line.replace(/^[-*+]\s+/, '') });
  }
  return out;
}

/** DOCX -> plain text, paragraphs on their own lines (mammoth keeps Word's paragraphs). */
export async function docxToText(docx: Buffer): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: docx });
    return value;
  } catch {
    throw new AppError('DOCUMENT_UNREADABLE', 'the DOCX file could not be read', { field: 'docxBase64' });
  }
}

export async function readDocument(input: { markdown?: string; docxBase64?: string }): Promise<{ source: string; paragraphs: Paragraph[] }> {
  const source = input.docxBase64 !== undefined ? await docxToText(Buffer.from(input.docxBase64, 'base64')) : (input.markdown ?? '');
  const paragraphs = splitDocument(source);
  if (paragraphs.length === 0) throw new AppError('DOCUMENT_UNREADABLE', 'the document has no paragraphs', { field: input.docxBase64 !== undefined ? 'docxBase64' : 'markdown' });
  if (paragraphs.length > 2000) throw new AppError('DOCUMENT_UNREADABLE', 'over 2000 paragraphs', { field: 'markdown' });
  return { source, paragraphs };
}
