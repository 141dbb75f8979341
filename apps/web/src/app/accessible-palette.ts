import type { MantineColorsTuple } from '@mantine/core';

/**
 * Mantine's default palettes with their darker half made accessible: `accessiblePalette` of
 * accessible-colors.ts applied to each, written out so the app does not compute them when its
 * code loads (about 10 ms of the entry's evaluation on this machine). accessible-colors.test.ts
 * holds them equal to the computation over Mantine's current defaults; when Mantine changes
 * them, print them again with that function.
 */
export const accessibleColors: Record<string, MantineColorsTuple> = {
  dark: ['#C9C9C9', '#b8b8b8', '#828282', '#696969', '#424242', '#3b3b3b', '#2e2e2e', '#242424', '#1f1f1f', '#141414'],
  gray: ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#696f76', '#495057', '#343a40', '#212529'],
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#c44040', '#c03232', '#b72828', '#a82323'],
  pink: ['#fff0f6', '#ffdeeb', '#fcc2d7', '#faa2c1', '#f783ac', '#f06595', '#c03d6b', '#be2d60', '#b32255', '#a61e4d'],
  grape: ['#f8f0fc', '#f3d9fa', '#eebefa', '#e599f7', '#da77f2', '#cc5de8', '#a541be', '#a039b9', '#9333aa', '#862e9c'],
  violet: ['#f3f0ff', '#e5dbff', '#d0bfff', '#b197fc', '#9775fa', '#845ef7', '#774eed', '#7048e8', '#6741d9', '#5f3dc4'],
  indigo: ['#edf2ff', '#dbe4ff', '#bac8ff', '#91a7ff', '#748ffc', '#5c7cfa', '#4563dd', '#3e5ddd', '#3654ca', '#344cbf'],
  blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#1c72bc', '#186bb6', '#1662a8', '#165a9b'],
  cyan: ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#0f7987', '#0c7382', '#0a6a7b', '#096171'],
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#0c7d5b', '#097655', '#076e4e', '#066447'],
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#2a7e39', '#257733', '#216e2f', '#1f642d'],
  lime: ['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#4e7912', '#49740e', '#416c0a', '#3d6309'],
  yellow: ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#916603', '#915e00', '#8b5100', '#884600'],
  orange: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#ac560e', '#af4905', '#a53f09', '#9d340b'],
};
