// Application imports: Pending -> Running -> Finished or Failed, built one at a time in the order
// they were queued; a Pending or Running import can be canceled (Canceling -> Canceled). A staged
// import's files are read from the import schedule's shared directory when its build starts; an
// uploaded import's files are attached at once. How a build ends is decided when the import is
// queued (a staged import of a schedule whose files are missing fails; so does an upload whose file
// has no data rows), and a finished import updates its application's lastUpdated.
import { iso } from '../clock.js';
import type { Engine } from '../engine.js';
import type { ApplicationImport, ImportRecord, Pace, PlannedFile } from '../model.js';
import { delay } from './timing.js';

export interface NewImport {
  applicationId: string;
  type: ApplicationImport['type'];
  createdBy: string;
  /** Files attached now (upload), or read when the build starts (stage). */
  files: PlannedFile[];
  attachNow: boolean;
  pace: Pace;
  /** Rows read when there are no files (a connector that reads through an API). */
  rows?: number;
  /** Why the build will fail, or undefined when it will finish. */
  failure?: string;
}

export function createImport(engine: Engine, input: NewImport, now: number): ImportRecord {
  const { store, random } = engine;
  const files = input.files.map((file) => ({ id: random.uuid(), fileGroupId: file.fileGroupId, fileGroup: file.fileGroup, name: file.name }));
  const rows = input.files.reduce((sum, file) => sum + file.rows, 0) || (input.rows ?? 0);
  const record: ImportRecord = {
    import: {
      id: random.uuid(),
      kind: 'Application Import',
      number: store.next('applicationImport'),
      type: input.type,
      status: 'Pending',
      createdBy: input.createdBy,
      buildStart: null,
      buildEnd: null,
      log: null,
      files: input.attachNow ? files : [],
      metrics: null,
    },
    applicationId: input.applicationId,
    plannedFiles: input.files,
    createdAt: now,
    pace: input.pace,
    outcome: input.failure
      ? { status: 'Failed', reason: input.failure }
      : {
          status: 'Finished',
          metrics: {
            rowsRead: rows,
            accountsAdded: random.int(0, Math.max(1, Math.round(rows / 40))),
            accountsUpdated: random.int(0, Math.max(1, Math.round(rows / 10))),
            accountsRemoved: random.int(0, Math.max(1, Math.round(rows / 80))),
          },
        },
  };
  enqueue(engine, record, now);
  return record;
}

/** Adds a Pending import to the build queue. */
export function enqueue(engine: Engine, record: ImportRecord, now: number): void {
  engine.store.addImport(record);
  claimSlot(engine, now);
}

/** Gives the build slot to the oldest queued import, if the slot is free. */
function claimSlot(engine: Engine, at: number): void {
  const { store } = engine;
  if (store.importSlot !== null) return;
  let next: ImportRecord | undefined;
  for (const record of store.imports.values()) {
    if (record.import.status === 'Pending' && (!next || record.createdAt < next.createdAt)) next = record;
  }
  if (!next) return;
  store.importSlot = next.import.id;
  engine.schedule(at + delay('importQueue', next.pace, engine.random), 'import.start', next.import.id);
}

function release(engine: Engine, record: ImportRecord, at: number) {
  if (engine.store.importSlot === record.import.id) engine.store.importSlot = null;
  claimSlot(engine, at);
}

function appendLog(record: ImportRecord, line: string) {
  record.import.log = `${record.import.log ?? ''}${line}\n`;
}

/** Cancels a Pending or Running import (the caller checks the status). */
export function cancelImport(engine: Engine, record: ImportRecord, by: string, now: number): void {
  record.import.status = 'Canceling';
  if (record.import.buildStart !== null) appendLog(record, `Cancellation requested by ${by}`);
  engine.schedule(now + delay('importCancel', record.pace, engine.random), 'import.canceled', record.import.id);
}

export function registerImportSteps(engine: Engine): void {
  const get = (id: string) => engine.store.imports.get(id);

  engine.on('import.start', ({ id, at }) => {
    const record = get(id);
    if (!record || record.import.status !== 'Pending') {
      if (record) release(engine, record, at);
      return;
    }
    record.import.status = 'Running';
    engine.store.reposition('imports', record, () => (record.import.buildStart = iso(at)));
    const planned = record.plannedFiles;
    if (record.import.files?.length === 0 && planned.length > 0) {
      record.import.files = planned.map((file) => ({ id: engine.random.uuid(), fileGroupId: file.fileGroupId, fileGroup: file.fileGroup, name: file.name }));
    }
    for (const file of planned) appendLog(record, `Reading ${file.name} (${file.rows.toLocaleString('en-US')} rows)`);
    engine.schedule(at + delay('importBuild', record.pace, engine.random), 'import.finish', id);
  });

  engine.on('import.finish', ({ id, at }) => {
    const record = get(id);
    if (record?.import.status !== 'Running') return;
    record.import.buildEnd = iso(at);
    if (record.outcome.status === 'Finished') {
      record.import.status = 'Finished';
      record.import.metrics = record.outcome.metrics;
      appendLog(record, 'Import finished without errors');
      const application = engine.store.applications.get(record.applicationId);
      if (application) application.application.lastUpdated = iso(at);
    } else {
      record.import.status = 'Failed';
      appendLog(record, `Import failed: ${record.outcome.reason}`);
    }
    release(engine, record, at);
  });

  engine.on('import.canceled', ({ id, at }) => {
    const record = get(id);
    if (record?.import.status !== 'Canceling') return;
    record.import.status = 'Canceled';
    if (record.import.buildStart !== null) {
      record.import.buildEnd = iso(at);
      appendLog(record, 'Import canceled');
    }
    release(engine, record, at);
  });
}
