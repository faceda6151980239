// Where the upload cases send their files. Named by the user (--upload-application/--file-group),
// from a sandbox's connector list, or found the way the vendor documents: the `files[].fileGroupId`
// of an earlier import of an application that is not archived (a finished Manual one first: it was
// uploaded, so its connector takes files and its groups were accepted).
import { SkipCase, type CaseContext, type UploadTarget } from './types.js';

interface ListedImport {
  id: string;
  type?: string;
  status?: string;
  application?: { id: string; isArchived?: boolean } | null;
  files?: { fileGroupId?: string }[] | null;
}

/** How many earlier imports discovery reads at most (list items carry no files: each is a GET). */
const MAX_READ = 10;

async function discover(ctx: CaseContext): Promise<UploadTarget | undefined> {
  const listed: ListedImport[] = [];
  for (let page = 1; page <= 2; page += 1) {
    const result = await ctx.pa.applicationImports.list({ page });
    listed.push(...(result.items as unknown as ListedImport[]));
    if (page >= result.totalPages) break;
  }
  // A finished Manual import was uploaded by a person: its connector takes files, and these groups were accepted.
  const rank = (i: ListedImport) => (i.type === 'Manual' ? 0 : 1) + (i.status === 'Finished' ? 0 : 2);
  const candidates = listed.filter((i) => i.application && !i.application.isArchived).sort((a, b) => rank(a) - rank(b)).slice(0, MAX_READ);
  for (const candidate of candidates) {
    const full = (await ctx.pa.applicationImports.get(candidate.id)) as unknown as ListedImport;
    const fileGroupIds = [...new Set((full.files ?? []).flatMap((f) => (f.fileGroupId ? [f.fileGroupId] : [])))];
    if (fileGroupIds.length && full.application) return { applicationId: full.application.id, fileGroupIds, source: 'discovered' };
  }
  return undefined;
}

/**
 * The application and file groups to upload to, or a skip saying how to name them. `real` is for
 * an upload a correct server carries out: that imports test data, so it goes only to an application
 * the user named (or a sandbox's), never to one found from the server's own imports.
 */
export async function uploadTarget(ctx: CaseContext, { real = false } = {}): Promise<UploadTarget> {
  if (!ctx.hints.upload && !('discoveredUpload' in ctx.found)) ctx.found.discoveredUpload = await discover(ctx);
  const target: UploadTarget | undefined = ctx.hints.upload ?? ctx.found.discoveredUpload;
  if (!target) throw new SkipCase('no file groups to upload to: no recent import lists files[].fileGroupId; name them with --upload-application ID --file-group ID');
  if (real && target.source === 'discovered' && !ctx.sandbox) {
    throw new SkipCase(`a real upload would import test data into application ${target.applicationId} (found from its earlier imports): name a test application with --upload-application ID --file-group ID`);
  }
  return target;
}
