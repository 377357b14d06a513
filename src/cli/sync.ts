import { setTimeout as sleep } from 'node:timers/promises';
import cliProgress from 'cli-progress';
import { runProgress, startSyncRun, type RunProgress } from '../listings/runs.ts';
import { findOrganization } from '../orgs/service.ts';
import { withDatabase } from './database.ts';

function line(p: RunProgress): string {
  const platforms = p.byPlatform.map((b) => `${b.platform} ${b.total - b.queued}/${b.total}`).join(', ');
  return `${p.delivered} delivered, ${p.unchanged} unchanged, ${p.failed} failed, ${p.actionRequired} action required, ${p.notEligible} not eligible${platforms ? ` | ${platforms}` : ''}`;
}

/**
 * `tenpo sync --org <id> [--platform …] [--watch]`: starts a sync run of every store of the
 * organisation; the workers (in `tenpo start` or `tenpo worker`) carry it out. With --watch,
 * follows it to the end with a progress bar and exits 1 if any listing failed.
 */
export async function syncCommand(orgId: string, options: { platforms: string[] | null; watch: boolean }): Promise<void> {
  await withDatabase(async ({ db }) => {
    if (!(await findOrganization(db, orgId))) {
      process.stderr.write(`No organisation with id ${orgId}.\n`);
      process.exitCode = 1;
      return;
    }
    const run = await startSyncRun(db, {
      orgId,
      filter: { orgId, storeManagerId: null },
      platforms: options.platforms,
      requestedBy: 'tenpo sync (CLI)',
    });
    process.stdout.write(`sync run ${run.id}: ${run.total} listings queued\n`);
    if (!options.watch || run.total === 0) return;

    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: 'syncing [{bar}] {value}/{total} | {detail}', hideCursor: true }, cliProgress.Presets.shades_classic)
      : null;
    bar?.start(run.total, 0, { detail: '' });
    let last = '';
    for (;;) {
      const progress = await runProgress(db, run.id);
      const detail = line(progress);
      bar?.update(progress.total - progress.queued, { detail });
      if (!bar && detail !== last) process.stdout.write(`${progress.total - progress.queued}/${progress.total} ${detail}\n`);
      last = detail;
      if (progress.finished) {
        bar?.stop();
        process.stdout.write(`done: ${detail}\n`);
        if (progress.failed > 0) process.exitCode = 1;
        return;
      }
      await sleep(500);
    }
  });
}
