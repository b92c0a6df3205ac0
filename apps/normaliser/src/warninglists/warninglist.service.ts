import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { NODE_CONFIG } from '@wgas/platform';
import type { NormaliserConfig } from '../normaliser.config';
import { Warninglist, type IndicatorIdentity, type WarninglistMatch } from './warninglist';
import {
  listWarninglistFiles,
  readWarninglistFiles,
  SHIPPED_WARNINGLIST_DIR,
  type ListedFile,
} from './warninglist-files';

/**
 * The node's current warninglist: the shipped lists plus the operator's directory
 * (`WARNINGLIST_DIR`), re-read when a file there is added, removed or modified, so lists
 * change without a release. A list that fails to parse keeps the previous version in force.
 */
@Injectable()
export class WarninglistService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(WarninglistService.name);
  private current = new Warninglist([]);
  private fingerprint = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(@Inject(NODE_CONFIG) private readonly config: NormaliserConfig) {}

  async onModuleInit(): Promise<void> {
    // The first load must succeed: starting without the lists would alert on bank hotlines.
    await this.reload();
    if (this.config.WARNINGLIST_DIR && this.config.WARNINGLIST_POLL_MS > 0) {
      this.timer = setInterval(() => void this.reloadIfChanged(), this.config.WARNINGLIST_POLL_MS);
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  match(indicator: IndicatorIdentity): WarninglistMatch | undefined {
    return this.current.match(indicator);
  }

  get size(): number {
    return this.current.size;
  }

  /** Re-reads every list now (also what the poller does when it sees a change). */
  async reload(): Promise<void> {
    const files = await this.files();
    const list = new Warninglist(await readWarninglistFiles(files));
    for (const p of list.problems)
      this.logger.warn(`warninglist ${p.list}: skipped "${p.entry}" (${p.problem})`);
    this.current = list;
    this.fingerprint = fingerprintOf(files);
    this.logger.log(`warninglists loaded: ${list.size} entries from ${files.length} files`);
  }

  async reloadIfChanged(): Promise<boolean> {
    try {
      if (fingerprintOf(await this.files()) === this.fingerprint) return false;
      await this.reload();
      return true;
    } catch (e) {
      this.logger.error(
        `warninglist reload failed, keeping the previous lists: ${(e as Error).message}`,
      );
      return false;
    }
  }

  private async files(): Promise<ListedFile[]> {
    const shipped = await listWarninglistFiles(SHIPPED_WARNINGLIST_DIR);
    // An image built without data/ would otherwise run with no bank hotlines protected.
    if (shipped.length === 0)
      throw new Error(`no shipped warninglists in ${SHIPPED_WARNINGLIST_DIR}`);
    const extra = this.config.WARNINGLIST_DIR
      ? await listWarninglistFiles(this.config.WARNINGLIST_DIR)
      : [];
    return [...shipped, ...extra];
  }
}

function fingerprintOf(files: ListedFile[]): string {
  return files.map((f) => `${f.path}@${f.mtimeMs}`).join('|');
}
