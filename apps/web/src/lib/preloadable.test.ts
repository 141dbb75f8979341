import { createElement, lazy, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable';

const Greeting = ({ name }: { name: string }) => createElement('p', null, `Hello ${name}`);
/** What a render shows inside a Suspense boundary whose fallback is "loading" (React's markers dropped). */
const inSuspense = (node: ReturnType<typeof createElement>) =>
  renderToString(createElement(Suspense, { fallback: createElement('i', null, 'loading') }, node)).replace(
    /<!--.*?-->|<template[^>]*><\/template>/g,
    '',
  );

describe('preloadable', () => {
  it('renders at once, without its fallback, once its code was preloaded', async () => {
    let loads = 0;
    const Page = preloadable(async () => {
      loads++;
      return Greeting;
    });
    await Page.preload();
    expect(inSuspense(createElement(Page, { name: 'Ada' }))).toBe('<p>Hello Ada</p>');
    // Asked again (another route load, the render itself), the code is fetched once.
    await Page.preload();
    expect(loads).toBe(1);
  });

  it('React.lazy alone shows the fallback on its first render even with its code already there (why this exists)', async () => {
    const loaded = Promise.resolve({ default: Greeting });
    await loaded;
    const Page = lazy(() => loaded);
    expect(inSuspense(createElement(Page, { name: 'Ada' }))).toBe('<i>loading</i>');
  });

  it('shows its fallback while its code has not arrived, as React.lazy does', () => {
    const Page = preloadable(() => new Promise<typeof Greeting>(() => undefined));
    expect(inSuspense(createElement(Page, { name: 'Ada' }))).toBe('<i>loading</i>');
  });

  it('asks for its code again after a failed load', async () => {
    let calls = 0;
    const Page = preloadable(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return Greeting;
    });
    await expect(Page.preload()).rejects.toThrow('offline');
    await expect(Page.preload()).resolves.toBe(Greeting);
    expect(calls).toBe(2);
    expect(inSuspense(createElement(Page, { name: 'Grace' }))).toBe('<p>Hello Grace</p>');
  });
});
