import { useId } from 'preact/hooks';

export interface ToggleProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** A line under the label, announced as the control's description. */
  hint?: string;
  /** Announce as an on/off switch (popup) rather than a checkbox in a list (options). */
  isSwitch?: boolean;
  disabled?: boolean;
}

/**
 * A labelled checkbox: a real `<input type="checkbox">` inside its `<label>`, so the whole line
 * is clickable and Space toggles it from the keyboard.
 */
export default function Toggle({ label, checked, onChange, hint, isSwitch = false, disabled = false }: ToggleProps) {
  const hintId = useId();
  return (
    <div class="fc-toggle">
      <label>
        <input
          type="checkbox"
          role={isSwitch ? 'switch' : undefined}
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        <span>{label}</span>
      </label>
      {hint && (
        <p class="fc-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
