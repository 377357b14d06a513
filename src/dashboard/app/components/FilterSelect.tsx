import { useId } from 'react';

export interface FilterOption {
  id: string;
  label: string;
}

/** A labelled "all, or one of these" select, as the inbox and insights filter by store and platform. */
export function FilterSelect({ label, allLabel, value, options, onChange, testId }: { label: string; allLabel: string; value: string; options: readonly FilterOption[]; onChange(value: string): void; testId: string }) {
  const id = useId();
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
