import type { ComponentChildren } from 'preact';
import { AccessPrompt } from './AccessPrompt';

export function Shell(props: { title: string; subtitle?: string | undefined; children?: ComponentChildren }) {
  return (
    <>
      <header class="page-header">
        <h1>{props.title}</h1>
        {props.subtitle ? (
          <span class="muted" data-testid="subtitle">
            {props.subtitle}
          </span>
        ) : null}
      </header>
      <AccessPrompt />
      <main>{props.children}</main>
    </>
  );
}
