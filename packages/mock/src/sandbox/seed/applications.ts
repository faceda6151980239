// The applications: the spec's examples (file groups read from their imports), then generated ones
// from the catalog, each with an import schedule, a connector kind, file groups and the departments
// whose people get an account (the Access Model); every seed covers each connector case.
import { DAY, iso } from '../clock.js';
import type { ApplicationRecord, FileGroup } from '../model.js';
import { APPLICATION_VARIANTS, APPLICATIONS, EXAMPLE_APPLICATION_DEPARTMENTS, PRIORITIES } from './catalog.js';
import { slug, type SeedContext } from './context.js';

export function applications(ctx: SeedContext) {
  const { store } = ctx.engine;
  for (const application of ctx.examples.applications) {
    const imports = ctx.examples.imports.filter((i) => i.application?.id === application.id);
    const withFiles = imports.filter((i) => i.files?.length);
    const groups = new Map<string, { name: string; count: number }>();
    for (const file of withFiles.flatMap((i) => i.files ?? [])) {
      const group = groups.get(file.fileGroupId) ?? { name: file.fileGroup, count: 0 };
      group.count += 1;
      groups.set(file.fileGroupId, group);
    }
    const fileGroups = groups.size
      ? [...groups].map(([id, { name, count }]) => ({ id, name, required: count === withFiles.length }))
      : drawFileGroups(ctx);
    const departments = EXAMPLE_APPLICATION_DEPARTMENTS[application.name] ?? [];
    store.addApplication({
      application: structuredClone(application),
      schedule: imports.some((i) => i.type === 'Scheduled') || ctx.random.chance(0.7) ? schedule(ctx, application.name, true) : null,
      fileBased: true,
      fileGroups,
      departments: departments === '*' ? ['*'] : departments,
    });
  }
  const catalog = [...APPLICATIONS];
  for (let i = 0; store.applications.size < ctx.targets.applications; i += 1) {
    const [baseName, departments, connector] = catalog[i % catalog.length]!;
    const variant = Math.floor(i / catalog.length);
    const name = variant === 0 ? baseName : `${baseName} - ${APPLICATION_VARIANTS[(variant - 1) % APPLICATION_VARIANTS.length]}${variant > APPLICATION_VARIANTS.length ? ` ${variant}` : ''}`;
    const everyone = departments === '*';
    const files = connector === 'files';
    store.addApplication({
      application: {
        id: ctx.random.uuid(),
        kind: 'Application',
        name,
        priority: ctx.random.weighted(PRIORITIES),
        isArchived: !everyone && variant === 0 && ctx.random.chance(0.04),
        lastUpdated: iso(ctx.start - ctx.random.int(1, 60) * DAY),
      },
      schedule: ctx.random.chance(0.8) ? schedule(ctx, name, !files || ctx.random.chance(0.9)) : null,
      fileBased: files,
      fileGroups: files ? drawFileGroups(ctx) : [],
      // Copies (test, staging...) are used by IT only.
      departments: variant > 0 ? ['Application Development', 'Infrastructure'] : everyone ? ['*'] : departments,
    });
  }
}

/**
 * Every seed has at least one application in each situation an integration must handle: no
 * import schedule (stage gets 422), a schedule whose files are missing (the staged import fails),
 * and a connector that does not read files (upload gets 422).
 */
export function coverConnectorCases(ctx: SeedContext) {
  const generated = [...ctx.engine.store.applications.values()].filter((a) => !a.application.isArchived && !a.departments.includes('*')).slice(3);
  const [noSchedule, missingFiles] = [generated.at(-1), generated.at(-2)];
  if (noSchedule && generated.every((a) => a.schedule !== null)) noSchedule.schedule = null;
  if (missingFiles && !generated.some((a) => a.schedule && !a.schedule.filesPresent && a.fileBased)) {
    const fileBased = generated.filter((a) => a.fileBased && a.schedule).at(0);
    if (fileBased) fileBased.schedule = { ...fileBased.schedule!, filesPresent: false };
  }
}

export function schedule(ctx: SeedContext, name: string, filesPresent: boolean): ApplicationRecord['schedule'] {
  return { sharedDirectory: `\\\\fbov-files\\imports\\${slug(name)}`, filesPresent };
}

export function drawFileGroups(ctx: SeedContext): FileGroup[] {
  const groups: FileGroup[] = [{ id: ctx.random.uuid(), name: 'Employees', required: true }];
  if (ctx.random.chance(0.6)) groups.push({ id: ctx.random.uuid(), name: 'Privileges', required: false });
  if (ctx.random.chance(0.3)) groups.push({ id: ctx.random.uuid(), name: 'Groups', required: false });
  return groups;
}

