/** The platform's mark: a hall of columns under a pediment, the gold point of a fair hammer. */
export function LogoMark({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#0b4ea2" />
      <path
        d="M14 46h36M18 42V28M27 42V28M37 42V28M46 42V28M12 25l20-11 20 11z"
        stroke="#fff"
        strokeWidth="4"
        fill="none"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
      <circle cx="32" cy="20" r="2.5" fill="#f5c542" />
    </svg>
  );
}
