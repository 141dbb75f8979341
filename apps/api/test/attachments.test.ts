import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '@altitude/shared/attachments';
import { attachments } from '../src/db/schema-attachments';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { multipartBody, pdf, png, pngUpload, type Part } from './multipart';
import { fileRequest, ok, signInDemoAccounts, tacticalTypeId, tickingClock, type Caller, type DemoCallers } from './request-helpers';
import { contentDisposition } from '../src/modules/attachments/download-headers';
import { totalChanges } from './route-calls';

/**
 * Files on requests: uploads by real multipart bodies into a real files folder beside the test
 * database, with a small size limit so "too large" costs little to send.
 */

const maxBytes = 64 * 1024;
let t: TestApp;
let people: DemoCallers;
let folder: string;
let salesRequest: number;
let productRequest: number;

beforeAll(async () => {
  t = await createTestApp({ seed: 'demo', now: tickingClock(), limits: { attachmentMaxBytes: maxBytes } });
  folder = path.join(t.dir, 'files');
  people = await signInDemoAccounts(t);
  const typeId = await tacticalTypeId(people.sales);
  salesRequest = (await fileRequest(people.sales, { title: 'Trade show banner (files test)', typeId })).id;
  productRequest = (await fileRequest(people.product, { title: 'Release notes one-pager (files test)', typeId })).id;
});
afterAll(() => t.app.close());

const upload = (caller: Caller, requestId: number, body: { payload: Buffer; headers: Record<string, string> }) =>
  t.app.inject({
    method: 'POST',
    url: `/api/requests/${requestId}/attachments`,
    headers: { cookie: caller.cookie, ...body.headers },
    payload: body.payload,
  });
const uploadFile = (caller: Caller, requestId: number, file: Omit<Part, 'name'>, fields: Record<string, string> = {}) =>
  upload(caller, requestId, multipartBody([...Object.entries(fields).map(([name, data]) => ({ name, data })), { name: 'file', ...file }]));
const download = (caller: Caller, id: number) =>
  t.app.inject({ method: 'GET', url: `/api/attachments/${id}/download`, headers: { cookie: caller.cookie } });
const remove = (caller: Caller, id: number) =>
  t.app.inject({ method: 'DELETE', url: `/api/attachments/${id}`, headers: { cookie: caller.cookie } });
const list = async (caller: Caller, requestId: number) =>
  ok<{ items: Attachment[] }>(await caller.get(`/api/requests/${requestId}/attachments`)).items;

/** Every name in the files folder: stored files and anything left half-written. */
const filesOnDisk = () => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);
const rowCount = () => t.app.db.select().from(attachments).all().length;

/** A refused upload leaves no row, no file (stored or partial), and no other write. */
async function expectRefusedUpload(
  send: () => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>,
  status: number,
) {
  const before = { files: filesOnDisk(), rows: rowCount(), changes: totalChanges(t.app.db) };
  const problem = expectProblem((await send()) as never, status);
  expect({ files: filesOnDisk(), rows: rowCount(), changes: totalChanges(t.app.db) }).toEqual(before);
  return problem;
}

describe('attaching a file', () => {
  it('a requester attaches reference material to their request; it is listed with its size, sniffed type and uploader, and recorded in the activity', async () => {
    const created = ok<Attachment>(await upload(people.sales, salesRequest, pngUpload('Brand logo.png')), 201);
    expect(created).toEqual({
      id: expect.any(Number),
      requestId: salesRequest,
      name: 'Brand logo.png',
      size: png.length,
      contentType: 'image/png',
      deliverable: false,
      uploadedById: people.sales.user.id,
      createdAt: expect.any(String),
    });
    // Everyone who may see the request sees it: the department's requester, marketing, the lead.
    for (const caller of [people.sales, people.marketer, people.cmo]) expect(await list(caller, salesRequest)).toContainEqual(created);
    const activity = ok<{ items: { kind: string; to: string | null; actorId: number }[] }>(
      await people.sales.get(`/api/requests/${salesRequest}/activity`),
    );
    expect(activity.items).toContainEqual(
      expect.objectContaining({ kind: 'file_added', to: 'Brand logo.png', actorId: people.sales.user.id }),
    );
    // Stored under a name of the server's choosing, never the uploader's.
    const stored = t.app.db
      .select()
      .from(attachments)
      .all()
      .find((a) => a.id === created.id)!;
    expect(stored.storedName).toMatch(/^[0-9a-f-]{36}$/);
    expect(fs.readFileSync(path.join(folder, stored.storedName))).toEqual(png);
  });

  it('a marketer marks a file as a deliverable; a requester asking for it is refused (403 naming deliverable), nothing kept', async () => {
    const deliverable = ok<Attachment>(
      await uploadFile(
        people.marketer,
        salesRequest,
        { filename: 'Banner final.pdf', contentType: 'application/pdf', data: pdf },
        { deliverable: 'true' },
      ),
      201,
    );
    expect(deliverable).toMatchObject({ deliverable: true, contentType: 'application/pdf', size: pdf.length });
    // The flag may also come after the file.
    const after = multipartBody([
      { name: 'file', filename: 'Banner v2.png', contentType: 'image/png', data: png },
      { name: 'deliverable', data: 'true' },
    ]);
    expect(ok<Attachment>(await upload(people.cmo, salesRequest, after), 201).deliverable).toBe(true);

    const problem = await expectRefusedUpload(
      () => upload(people.sales, salesRequest, pngUpload('mine.png', { deliverable: 'true' })),
      403,
    );
    expect(problem.errors).toEqual([{ path: 'deliverable', message: expect.any(String) }]);
  });

  it("a requester cannot attach to, list or read another department's request: 404, as for any request they may not see", async () => {
    await expectRefusedUpload(() => upload(people.sales, productRequest, pngUpload()), 404);
    expectProblem(await people.sales.get(`/api/requests/${productRequest}/attachments`), 404);
    const theirs = ok<Attachment>(await upload(people.product, productRequest, pngUpload('roadmap.png')), 201);
    expect(expectProblem(await download(people.sales, theirs.id), 404).code).toBe('attachment.not_found');
    expect(expectProblem(await download(people.exec, theirs.id), 404).code).toBe('attachment.not_found');
    const before = filesOnDisk();
    expect(expectProblem(await remove(people.sales, theirs.id), 404).code).toBe('attachment.not_found');
    expect(filesOnDisk()).toEqual(before);
    expect((await download(people.product, theirs.id)).statusCode).toBe(200);
  });

  it('a file over the size limit is refused with 413 naming file, and its partial bytes are removed', async () => {
    const big = Buffer.concat([png, Buffer.alloc(maxBytes + 1)]);
    const problem = await expectRefusedUpload(
      () => uploadFile(people.sales, salesRequest, { filename: 'huge.png', contentType: 'image/png', data: big }),
      413,
    );
    expect(problem.code).toBe('attachment.too_large');
    expect(problem.errors).toEqual([{ path: 'file', message: expect.any(String) }]);
    // Exactly at the limit is fine.
    const exact = Buffer.concat([png, Buffer.alloc(maxBytes - png.length)]);
    expect(
      ok<Attachment>(await uploadFile(people.sales, salesRequest, { filename: 'exact.png', contentType: 'image/png', data: exact }), 201)
        .size,
    ).toBe(maxBytes);
  });

  it('the type comes from the bytes: HTML named .png, SVG, a script, an executable are refused (415), whatever the browser claims', async () => {
    const lies: Omit<Part, 'name'>[] = [
      { filename: 'photo.png', contentType: 'image/png', data: '<!doctype html><html><script>alert(document.cookie)</script></html>' },
      {
        filename: 'logo.svg',
        contentType: 'image/svg+xml',
        data: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      },
      { filename: 'page.html', contentType: 'text/html', data: '<html><body>hi</body></html>' },
      { filename: 'notes.txt', contentType: 'text/plain', data: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) },
      { filename: 'setup.exe', contentType: 'application/octet-stream', data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]) },
    ];
    for (const file of lies) {
      const problem = await expectRefusedUpload(() => uploadFile(people.sales, salesRequest, file), 415);
      expect(problem.code, file.filename).toBe('attachment.unsupported_type');
    }
  });

  it('plain text and CSV are kept by their extension; a real PNG misnamed .html keeps a .png ending', async () => {
    const csv = ok<Attachment>(
      await uploadFile(people.sales, salesRequest, {
        filename: 'leads.csv',
        contentType: 'text/csv',
        data: 'name,email\nAda,ada@example.com\n',
      }),
      201,
    );
    expect(csv.contentType).toBe('text/csv');
    const txt = ok<Attachment>(
      await uploadFile(people.sales, salesRequest, { filename: 'copy deck.txt', data: 'Headline: Café ☕ for everyone\n' }),
      201,
    );
    expect(txt.contentType).toBe('text/plain');
    const renamed = ok<Attachment>(await upload(people.sales, salesRequest, pngUpload('logo.html')), 201);
    expect(renamed).toMatchObject({ name: 'logo.html.png', contentType: 'image/png' });
  });

  it('the file name is cleaned: no path, no control or bidi characters, at most 200 characters', async () => {
    const cases: [string, string][] = [
      ['../../etc/passwd.png', 'passwd.png'],
      ['C:\\Users\\ada\\Desktop\\logo.png', 'logo.png'],
      ['evil\u202Egnp.png', 'evilgnp.png'],
      ['line\u0007break.png', 'linebreak.png'],
      ['.hidden.png', 'hidden.png'],
      [`${'a'.repeat(300)}.png`, `${'a'.repeat(196)}.png`],
    ];
    for (const [sent, kept] of cases)
      expect(ok<Attachment>(await upload(people.sales, salesRequest, pngUpload(sent)), 201).name, sent).toBe(kept);
    expect(filesOnDisk().filter((f) => f.includes('passwd') || f.includes('logo'))).toEqual([]);
  });

  it('an upload that is not multipart from the app, has no file, an empty one, an unknown field or two files is refused, nothing kept', async () => {
    // A cross-site form can post multipart but cannot add the app's header.
    expect(
      (
        await expectRefusedUpload(
          () => upload(people.sales, salesRequest, multipartBody([{ name: 'file', filename: 'a.png', data: png }], { appHeader: false })),
          415,
        )
      ).code,
    ).toBe('body.unsupported_media_type');
    await expectRefusedUpload(() => people.sales.post(`/api/requests/${salesRequest}/attachments`, { file: 'a.png' }), 415);
    expect(
      (await expectRefusedUpload(() => upload(people.sales, salesRequest, multipartBody([{ name: 'deliverable', data: 'false' }])), 400))
        .errors,
    ).toEqual([{ path: 'file', message: 'is required' }]);
    expect(
      (await expectRefusedUpload(() => uploadFile(people.sales, salesRequest, { filename: 'empty.txt', data: '' }), 400)).errors,
    ).toEqual([{ path: 'file', message: 'is empty' }]);
    expect(
      (await expectRefusedUpload(() => upload(people.sales, salesRequest, pngUpload('a.png', { isAdmin: 'true' })), 400)).errors,
    ).toEqual([{ path: 'isAdmin', message: expect.any(String) }]);
    expect(
      (await expectRefusedUpload(() => upload(people.marketer, salesRequest, pngUpload('a.png', { deliverable: 'yes' })), 400)).errors,
    ).toEqual([{ path: 'deliverable', message: expect.any(String) }]);
    const two = multipartBody([
      { name: 'file', filename: 'a.png', data: png },
      { name: 'file', filename: 'b.png', data: png },
    ]);
    await expectRefusedUpload(() => upload(people.sales, salesRequest, two), 400);
  });
});

describe('downloading a file', () => {
  let image: Attachment;
  let document: Attachment;
  let unicode: Attachment;
  beforeAll(async () => {
    image = ok<Attachment>(await upload(people.sales, salesRequest, pngUpload('Hero image.png')), 201);
    document = ok<Attachment>(
      await uploadFile(people.marketer, salesRequest, { filename: 'Brief final.pdf', data: pdf }, { deliverable: 'true' }),
      201,
    );
    unicode = ok<Attachment>(
      await uploadFile(people.sales, salesRequest, { filename: 'Präsentation – Q4 (final).txt', data: 'Hallo' }),
      201,
    );
  });

  it('a raster image is served inline, with nosniff and a sandboxing CSP, byte for byte', async () => {
    const res = await download(people.marketer, image.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(`inline; filename="Hero image.png"; filename*=UTF-8''Hero%20image.png`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload).toEqual(png);
  });

  it('any other file is an attachment, its name given as RFC 5987 filename* with a safe ASCII fallback', async () => {
    const pdfRes = await download(people.sales, document.id);
    expect(pdfRes.headers['content-type']).toBe('application/pdf');
    expect(pdfRes.headers['content-disposition']).toBe(`attachment; filename="Brief final.pdf"; filename*=UTF-8''Brief%20final.pdf`);
    expect(pdfRes.headers['x-content-type-options']).toBe('nosniff');
    expect(pdfRes.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(pdfRes.rawPayload).toEqual(pdf);

    const textRes = await download(people.sales, unicode.id);
    expect(textRes.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(textRes.headers['content-disposition']).toBe(
      `attachment; filename="Pr_sentation _ Q4 (final).txt"; filename*=UTF-8''Pr%C3%A4sentation%20%E2%80%93%20Q4%20%28final%29.txt`,
    );
    expect(textRes.body).toBe('Hallo');
    // Quotes, backslashes and percent signs never reach the quoted fallback; filename* carries them encoded.
    expect(contentDisposition('a "b"\\c 100%.pdf', false)).toBe(
      `attachment; filename="a _b__c 100_.pdf"; filename*=UTF-8''a%20%22b%22%5Cc%20100%25.pdf`,
    );
  });

  it('a missing id is a 404, and so is a file whose bytes are gone from the folder', async () => {
    expect(expectProblem(await download(people.cmo, 987_654_321), 404).code).toBe('attachment.not_found');
    const lost = ok<Attachment>(await upload(people.sales, salesRequest, pngUpload('lost.png')), 201);
    const stored = t.app.db
      .select()
      .from(attachments)
      .all()
      .find((a) => a.id === lost.id)!;
    fs.rmSync(path.join(folder, stored.storedName));
    expect(expectProblem(await download(people.sales, lost.id), 404).code).toBe('attachment.file_missing');
  });
});

describe('removing a file', () => {
  it('its uploader removes it: 204, the row and the bytes go, and the activity says "removed"', async () => {
    const file = ok<Attachment>(await upload(people.sales, salesRequest, pngUpload('draft.png')), 201);
    const stored = t.app.db
      .select()
      .from(attachments)
      .all()
      .find((a) => a.id === file.id)!.storedName;
    expect((await remove(people.sales, file.id)).statusCode).toBe(204);
    expect(fs.existsSync(path.join(folder, stored))).toBe(false);
    expect((await list(people.sales, salesRequest)).map((a) => a.id)).not.toContain(file.id);
    const activity = ok<{ items: { kind: string; from: string | null; actorId: number }[] }>(
      await people.sales.get(`/api/requests/${salesRequest}/activity`),
    );
    expect(activity.items).toContainEqual(
      expect.objectContaining({ kind: 'file_removed', from: 'draft.png', actorId: people.sales.user.id }),
    );
    expect(expectProblem(await remove(people.sales, file.id), 404).code).toBe('attachment.not_found');
  });

  it("a marketer cannot remove a requester's file, nor a requester a marketer's (403, nothing changes); a lead removes anyone's", async () => {
    const requesters = ok<Attachment>(await upload(people.sales, salesRequest, pngUpload('theirs.png')), 201);
    const marketers = ok<Attachment>(await upload(people.marketer, salesRequest, pngUpload('ours.png')), 201);
    for (const [caller, file] of [
      [people.marketer, requesters],
      [people.sales, marketers],
    ] as const) {
      const before = { files: filesOnDisk(), changes: totalChanges(t.app.db) };
      expect(expectProblem(await remove(caller, file.id), 403).code).toBe('attachment.not_uploader');
      expect({ files: filesOnDisk(), changes: totalChanges(t.app.db) }).toEqual(before);
    }
    for (const file of [requesters, marketers]) expect((await remove(people.cmo, file.id)).statusCode).toBe(204);
    expect((await list(people.cmo, salesRequest)).map((a) => a.id)).not.toContain(requesters.id);
  });
});
