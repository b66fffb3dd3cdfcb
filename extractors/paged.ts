/**
 * Only a paged source has running headers, footers and page numbers: PDF, and plain text (pdftotext or OCR
 * output, the seeds' shape). Markdown, HTML and Word have no pages: a short line repeated there is content
 * (a flattened table's `区建设管理委` cell written eleven times), a bare number a row number.
 */
import type { PlanDocument } from '../model/document.js';

export function hasPages(doc: PlanDocument): boolean {
  return doc.source.format === 'pdf' || doc.source.format === 'txt';
}
