// Where the upload cases send their files. Named by the user (--upload-application/--file-group),
// from a sandbox's connector list, or found the way the vendor documents: the `files[].fileGroupId`
// of an earlier import of an application that is not archived (a Finished one first, since its
// groups were accepted).
import { SkipCase, type CaseContext, type UploadTarget } from './types.js';

interface ListedImport {
  status?: string;
  application?: { id: string; isArchived?: boolean } | null;
  files?: { fileGroupId?: string }[] | null;
}

async function discover(ctx: CaseContext): Promise<UploadTarget | undefined> {
  const candidates: ListedImport[] = [];
  for (let page = 1; page <= 3; page += 1) {
    const listed = await ctx.pa.applicationImports.list({ page });
    candidates.push(...(listed.items as ListedImport[]));
    if (page >= listed.totalPages) break;
  }
  const usable = candidates.filter((i) => i.application && !i.application.isArchived && i.files?.some((f) => f.fileGroupId));
  const chosen = usable.find((i) => i.status === 'Finished') ?? usable[0];
  if (!chosen?.application) return undefined;
  const fileGroupIds = [...new Set(chosen.files!.flatMap((f) => (f.fileGroupId ? [f.fileGroupId] : [])))];
  return { applicationId: chosen.application.id, fileGroupIds, source: 'discovered' };
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
