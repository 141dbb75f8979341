export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-indigo-7)" />
      <path d="M6 24 14 10l5 8 3-4 4 10z" fill="#fff" />
    </svg>
  );
}
