/** Sends a rendered report as a download (no patient data in the file name: dates and ids only). */
import type { FastifyReply } from 'fastify';
import { type Report, renderCsv, renderPdf } from './render.ts';

export async function sendReport(
  reply: FastifyReply,
  report: Report,
  format: 'pdf' | 'csv',
  filename: string,
) {
  if (format === 'csv') {
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}.csv"`)
      .send(renderCsv(report));
  }
  const pdf = await renderPdf(report);
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${filename}.pdf"`)
    .send(Buffer.from(pdf));
}
