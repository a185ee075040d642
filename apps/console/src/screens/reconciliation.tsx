import { useId, useState, type FormEvent } from 'react';
import type { Store } from '../api/types';
import { DataTable } from '../components/data-table';
import { LiveStatus, ProblemView } from '../components/feedback';
import { PeriodFields } from '../components/period-fields';
import { useAction } from '../hooks/use-action';
import { plural } from '../lib/format';
import { lastDays, periodQuery, type DayRange } from '../lib/period';
import { csvUrl, segment } from '../lib/query';
import { useSession } from '../session/session-context';

type Group = Record<string, unknown>;

interface Report {
  from: string;
  to: string;
  rows: Group[];
  byMethod: Group[];
  byCarrier: Group[];
  totals: Group[];
}

/** The API covers at most this many days in one report. */
const MAX_DAYS = 366;

/** Shipping paid against label cost for a period, by method and by carrier, with a CSV. */
export function Reconciliation({ store }: { store: Store }) {
  const { api } = useSession();
  const id = useId();
  const [range, setRange] = useState<DayRange>(() => lastDays(new Date(), 30));
  const [note, setNote] = useState('');
  const [report, setReport] = useState<Report>();
  const action = useAction();
  const path = `/stores/${segment(store.id)}/reconciliation`;

  const show = async (event: FormEvent) => {
    event.preventDefault();
    const period = periodQuery(range, MAX_DAYS);
    setNote(period.ok ? '' : period.message);
    if (!period.ok) return;
    setReport(await action.run(() => api.get<Report>(path, { from: period.from, to: period.to })));
  };

  const applied = report ? { from: report.from, to: report.to } : undefined;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Shipping cost reconciliation</h2>
      <form onSubmit={(event) => void show(event)}>
        <PeriodFields value={range} onChange={setRange} />
        {note ? (
          <p className="field-error" role="alert">
            {note}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={action.busy}>
          Show report
        </button>
      </form>
      <ProblemView problem={action.problem} />
      <LiveStatus>
        {report ? (
          <p>The report covers {plural(report.rows.length, 'order destination')}.</p>
        ) : null}
      </LiveStatus>
      {report && applied ? (
        <>
          <p>
            <a href={csvUrl(path, applied)} download>
              Download CSV
            </a>
          </p>
          {report.totals.length > 0 ? <DataTable caption="Totals" rows={report.totals} /> : null}
          {report.byMethod.length > 0 ? (
            <DataTable caption="By shipping method" rows={report.byMethod} />
          ) : null}
          {report.byCarrier.length > 0 ? (
            <DataTable caption="By carrier" rows={report.byCarrier} />
          ) : null}
          {report.rows.length > 0 ? <DataTable caption="Orders" rows={report.rows} /> : null}
        </>
      ) : null}
    </section>
  );
}
