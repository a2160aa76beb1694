import type { ComponentChildren } from 'preact';

/**
 * A figure's name with its definition on hover and on keyboard focus (a CSS tooltip from the
 * data attribute: text only, no HTML), also given to assistive technology as the description.
 */
export function Defined(props: { definition: string; children: ComponentChildren }) {
  return (
    <dfn
      class="defined"
      tabIndex={0}
      data-definition={props.definition}
      aria-description={props.definition}
    >
      {props.children}
    </dfn>
  );
}
