import { DateField } from '../../components/DateField';

/** A term's first and last day, as ISO dates ('' while not chosen). */
export interface Term {
  termStart: string;
  termEnd: string;
}

const DAYS = [
  { key: 'termStart', idSuffix: 'start', label: 'Term starts' },
  { key: 'termEnd', idSuffix: 'end', label: 'Term ends' },
] as const;

/** A term's first and last day, side by side; the inputs' ids are `${idPrefix}-start` and `${idPrefix}-end`. */
export function TermDates({
  idPrefix,
  term,
  onChange,
}: {
  idPrefix: string;
  term: Term;
  onChange: (term: Term) => void;
}) {
  return (
    <div className="date-pair">
      {DAYS.map(({ key, idSuffix, label }) => (
        <div key={key}>
          <DateField
            id={`${idPrefix}-${idSuffix}`}
            label={label}
            value={term[key]}
            onChange={(day) => onChange({ ...term, [key]: day })}
          />
        </div>
      ))}
    </div>
  );
}
