import type { Store } from '../api/types';
import { ScreenHeading } from '../components/screen-heading';
import { LabelPrint } from './label-print';
import { Reconciliation } from './reconciliation';

/** Carrier labels to print, and what shipping cost against what customers paid for it. */
export function LabelsScreen({ store }: { store: Store }) {
  return (
    <>
      <ScreenHeading title="Labels">
        <p className="muted">{store.name}</p>
      </ScreenHeading>
      <LabelPrint key={`print:${store.id}`} store={store} />
      <Reconciliation key={`reconciliation:${store.id}`} store={store} />
    </>
  );
}
