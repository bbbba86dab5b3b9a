import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { PortalError } from '../../../contract/errors.js';
import { FocusController } from '../../../controllers/focus.js';
import { FormStateController } from '../../../controllers/form-state.js';
import { LiveRegionController } from '../../../controllers/live-region.js';
import type { AccessLogEntry, AccessLogExport } from '../../../model/index.js';
import { formStyles } from '../../../ui/form/styles.js';
import { errorMessage, renderMisconfigured } from '../../../ui/states.js';
import { elementStyles } from '../../../ui/styles.js';
import { PagedListController } from '../../people-paging.js';
import { ConsoleSection } from '../../people-section.js';
import { peopleStyles } from '../../people-styles.js';
import { FileSaver } from './download.js';
import { type FilterDraft, NO_FILTERS, rangeProblem, renderFilters } from './filters-form.js';
import { renderLog } from './log-table.js';
import { consoleLogsMessages } from './messages.js';

let instances = 0;

/** The filters as the request carries them: blanks left out. */
function filtersOf(draft: FilterDraft): AccessLogExport {
  const customer = draft.customer.trim();
  return {
    ...(draft.result ? { result: draft.result } : {}),
    ...(customer ? { customer } : {}),
    ...(draft.from ? { from: draft.from } : {}),
    ...(draft.to ? { to: draft.to } : {}),
  };
}

/**
 * @summary The console's Access logs section: every sign-in attempt, newest first — time, result,
 * customer code, email, IP address, method and why it failed — filtered by result, customer (code or
 * email) and date range, paged, and exported as CSV.
 *
 * "Show" applies the filters; the export holds every attempt matching the filters shown (not what is
 * typed but not yet applied), downloaded as a file.
 *
 * @csspart base - The whole section.
 * @csspart filters - The filter form.
 * @csspart entry - Each attempt's row.
 * @csspart badge - Succeeded or failed.
 * @csspart loading - The skeleton.
 * @csspart empty - No attempts, or none matching.
 * @csspart error - A failure.
 */
export class PortalConsoleLogs extends ConsoleSection<typeof consoleLogsMessages> {
  static override styles = [...elementStyles, formStyles, peopleStyles];
  static override messages = consoleLogsMessages;

  /** @internal The filters as typed. */
  @state() draft: FilterDraft = NO_FILTERS;
  /** @internal Whether to show the date range's problem (after "Show" was pressed with it). */
  @state() showRangeProblem = false;
  /** @internal */ @state() exportProblem: string | null = null;

  /** @internal */ readonly uid = `portal-console-logs-${++instances}`;
  /** @internal */ readonly form = new FormStateController<'adminExportAccessLogs'>(this);
  /** @internal */ readonly focusing = new FocusController(this);
  /** @internal */ readonly liveRegion = new LiveRegionController(this);
  /** @internal */ readonly list = new PagedListController<AccessLogEntry, AccessLogExport>(
    this,
    (query) => this.read((adapter) => adapter.adminListAccessLogs(query)),
    {},
  );

  private readonly files = new FileSaver();

  protected override readFirst(): void {
    void this.list.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.files.revoke();
  }

  /** @internal Whether the list shown is filtered. */
  get filtered(): boolean {
    return Object.keys(this.list.filters).length > 0;
  }

  /** @internal */
  edit(field: keyof FilterDraft, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    if (!rangeProblem(this)) this.showRangeProblem = false;
  }

  /** @internal "Show": the first page under the filters typed, unless the date range is backwards. */
  apply(): void {
    if (rangeProblem(this)) {
      this.showRangeProblem = true;
      this.focusing.focusAfterUpdate(`${this.uid}-to`);
      return;
    }
    this.exportProblem = null;
    void this.list.load(filtersOf(this.draft));
  }

  /** @internal */
  clear(): void {
    this.draft = NO_FILTERS;
    this.showRangeProblem = false;
    this.exportProblem = null;
    void this.list.load({});
  }

  /** @internal */
  page(direction: 'next' | 'previous'): void {
    void (direction === 'next' ? this.list.next() : this.list.previous());
  }

  /** @internal Downloads every attempt matching the filters shown, as CSV. */
  async exportCsv(): Promise<void> {
    const t = this.t.consoleLogs;
    this.exportProblem = null;
    const filters = this.list.filters;
    const pending = this.form.submit('adminExportAccessLogs', () => {
      this.liveRegion.announce(t.exporting);
      return this.read((adapter) => adapter.adminExportAccessLogs(filters));
    });
    if (!pending) return;
    const file = await pending;
    if (file instanceof PortalError) {
      // Reading a file changes nothing, so a lost answer is simply a failure to try again.
      this.exportProblem = errorMessage(this.t, file);
      return;
    }
    this.files.save(file);
    this.liveRegion.announce(t.exported(file.fileName));
  }

  override render(): TemplateResult {
    const t = this.t;
    const headingId = `${this.uid}-heading`;
    const body = this.consoleAdapter
      ? html`${renderFilters(this)} ${renderLog(this)}`
      : (this.reportMissingAdapter(), renderMisconfigured(t));
    return html`<section class="people" part="base" aria-labelledby=${headingId}>
      <h2 id=${headingId} tabindex="-1">${t.consoleLogs.heading}</h2>
      ${body} ${this.liveRegion.render()}
    </section>`;
  }
}
