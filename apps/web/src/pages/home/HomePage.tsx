import { useState } from 'react';
import { CategoriesSection } from './CategoriesSection.tsx';
import { HeroSection } from './HeroSection.tsx';
import { NoticesSection } from './NoticesSection.tsx';
import { PromisesSection } from './PromisesSection.tsx';
import { RegionsSection } from './RegionsSection.tsx';
import { ServiceEntries } from './ServiceEntries.tsx';

/** The public portal. */
export default function HomePage() {
  const [query, setQuery] = useState('');
  const search = (q: string) => {
    setQuery(q.trim());
    document.getElementById('notices')?.scrollIntoView({ behavior: 'smooth' });
  };
  return (
    <div className="home" data-testid="home">
      <HeroSection onSearch={search} />
      <div className="container home-body">
        <ServiceEntries />
        <div className="home-grid">
          <NoticesSection query={query} />
          <CategoriesSection />
        </div>
        <RegionsSection />
        <PromisesSection />
      </div>
    </div>
  );
}
