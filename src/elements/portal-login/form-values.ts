/**
 * What the customer typed, read from the login form's own controls by their `name` (a field path):
 * text inputs and selects that can be edited, never a checkbox or a read-only field.
 */

export function isEditable(target: EventTarget | null): target is HTMLInputElement | HTMLSelectElement {
  return (
    (target instanceof HTMLInputElement && target.type !== 'checkbox' && !target.readOnly) ||
    target instanceof HTMLSelectElement
  );
}

/** Every editable named control's value, by name. Autofill does not always fire input events. */
export function readControls(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const element of Array.from(form.elements)) {
    if (isEditable(element) && element.name) values[element.name] = element.value;
  }
  return values;
}
