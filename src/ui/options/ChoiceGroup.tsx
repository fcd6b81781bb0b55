import { useId } from 'preact/hooks';
import Toggle from '../Toggle.tsx';

/** One checkbox of a {@link ChoiceGroup}. */
export interface Choice {
  id: string;
  label: string;
  checked: boolean;
  hint?: string;
}

export interface ChoiceGroupProps {
  legend: string;
  hint: string;
  choices: readonly Choice[];
  onToggle: (id: string, checked: boolean) => void;
  /** Shown instead of the checkboxes when there are none. */
  empty: string;
}

/** A titled group of checkboxes: a `<fieldset>` whose `<legend>` names it for screen readers. */
export default function ChoiceGroup({ legend, hint, choices, onToggle, empty }: ChoiceGroupProps) {
  const hintId = useId();
  return (
    <fieldset class="fc-group" aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p class="fc-hint" id={hintId}>
        {hint}
      </p>
      {choices.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div class="fc-choices">
          {choices.map((choice) => (
            <Toggle
              key={choice.id}
              label={choice.label}
              checked={choice.checked}
              hint={choice.hint}
              onChange={(checked) => onToggle(choice.id, checked)}
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}
