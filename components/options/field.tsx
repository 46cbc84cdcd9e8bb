import type { ComponentChildren } from 'preact';

interface FieldProps {
  /** The id of the control inside, which the label points at. */
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string;
  children: ComponentChildren;
}

/** A labelled control with its hint and inline error; use `fieldAria` on the control to link them. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      {children}
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The ARIA attributes that tie a control to its Field's hint and error. */
export function fieldAria(id: string, error: string | undefined, hasHint = true) {
  const describedBy = [hasHint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': describedBy || undefined };
}
