/**
 * Places for the sample data: countries (ISO 3166-1 alpha-2 and English name), a few regions each, and cities with
 * approximate coordinates (degrees, WGS 84; rounded public figures). `weight` is the country's relative share of
 * viewers; `culture` picks the name list used for its users (see names.ts).
 */
export interface City {
  name: string;
  lat: number;
  lon: number;
}
export interface Region {
  name: string;
  cities: City[];
}
export interface Country {
  code: string;
  name: string;
  weight: number;
  culture: string;
  regions: Region[];
}

type CityRow = [name: string, lat: number, lon: number];
type RegionRow = [name: string, cities: CityRow[]];
type CountryRow = [code: string, name: string, weight: number, culture: string, regions: RegionRow[]];

const ROWS: CountryRow[] = [
  ['US', 'United States', 24, 'en', [
    ['California', [['Los Angeles', 34.05, -118.24], ['San Francisco', 37.77, -122.42], ['San Diego', 32.72, -117.16]]],
    ['New York', [['New York', 40.71, -74.01], ['Buffalo', 42.89, -78.88], ['Albany', 42.65, -73.76]]],
    ['Texas', [['Austin', 30.27, -97.74], ['Houston', 29.76, -95.37], ['Dallas', 32.78, -96.8]]],
    ['Illinois', [['Chicago', 41.88, -87.63], ['Springfield', 39.78, -89.65]]],
    ['Massachusetts', [['Boston', 42.36, -71.06], ['Cambridge', 42.37, -71.11]]],
    ['Washington', [['Seattle', 47.61, -122.33], ['Spokane', 47.66, -117.43]]],
  ]],
  ['CA', 'Canada', 5, 'en', [
    ['Ontario', [['Toronto', 43.65, -79.38], ['Ottawa', 45.42, -75.7], ['Waterloo', 43.46, -80.52]]],
    ['Quebec', [['Montréal', 45.5, -73.57], ['Québec', 46.81, -71.21]]],
    ['British Columbia', [['Vancouver', 49.28, -123.12], ['Victoria', 48.43, -123.37]]],
  ]],
  ['MX', 'Mexico', 3, 'es', [
    ['Ciudad de México', [['Mexico City', 19.43, -99.13]]],
    ['Jalisco', [['Guadalajara', 20.66, -103.35], ['Zapopan', 20.72, -103.39]]],
    ['Nuevo León', [['Monterrey', 25.69, -100.32]]],
  ]],
  ['BR', 'Brazil', 5, 'pt', [
    ['São Paulo', [['São Paulo', -23.55, -46.63], ['Campinas', -22.91, -47.06]]],
    ['Rio de Janeiro', [['Rio de Janeiro', -22.91, -43.17], ['Niterói', -22.88, -43.1]]],
    ['Minas Gerais', [['Belo Horizonte', -19.92, -43.94]]],
  ]],
  ['AR', 'Argentina', 1.5, 'es', [
    ['Buenos Aires', [['Buenos Aires', -34.6, -58.38], ['La Plata', -34.92, -57.95]]],
    ['Córdoba', [['Córdoba', -31.42, -64.18]]],
  ]],
  ['CL', 'Chile', 1, 'es', [
    ['Región Metropolitana', [['Santiago', -33.45, -70.67]]],
    ['Valparaíso', [['Valparaíso', -33.05, -71.62], ['Viña del Mar', -33.02, -71.55]]],
  ]],
  ['CO', 'Colombia', 1.2, 'es', [
    ['Bogotá', [['Bogotá', 4.71, -74.07]]],
    ['Antioquia', [['Medellín', 6.24, -75.58]]],
    ['Valle del Cauca', [['Cali', 3.45, -76.53]]],
  ]],
  ['PE', 'Peru', 0.7, 'es', [
    ['Lima', [['Lima', -12.05, -77.04]]],
    ['Arequipa', [['Arequipa', -16.41, -71.54]]],
  ]],
  ['GB', 'United Kingdom', 8, 'en', [
    ['England', [['London', 51.51, -0.13], ['Manchester', 53.48, -2.24], ['Birmingham', 52.49, -1.89], ['Oxford', 51.75, -1.26]]],
    ['Scotland', [['Edinburgh', 55.95, -3.19], ['Glasgow', 55.86, -4.25]]],
    ['Wales', [['Cardiff', 51.48, -3.18]]],
    ['Northern Ireland', [['Belfast', 54.6, -5.93]]],
  ]],
  ['IE', 'Ireland', 1, 'en', [
    ['Leinster', [['Dublin', 53.35, -6.26]]],
    ['Munster', [['Cork', 51.9, -8.47], ['Limerick', 52.66, -8.63]]],
  ]],
  ['FR', 'France', 4, 'fr', [
    ['Île-de-France', [['Paris', 48.86, 2.35], ['Versailles', 48.8, 2.13]]],
    ['Auvergne-Rhône-Alpes', [['Lyon', 45.76, 4.84], ['Grenoble', 45.19, 5.72]]],
    ["Provence-Alpes-Côte d'Azur", [['Marseille', 43.3, 5.37], ['Nice', 43.71, 7.26]]],
    ['Occitanie', [['Toulouse', 43.6, 1.44], ['Montpellier', 43.61, 3.88]]],
  ]],
  ['DE', 'Germany', 5, 'de', [
    ['Berlin', [['Berlin', 52.52, 13.41]]],
    ['Bayern', [['München', 48.14, 11.58], ['Nürnberg', 49.45, 11.08]]],
    ['Nordrhein-Westfalen', [['Köln', 50.94, 6.96], ['Düsseldorf', 51.23, 6.78], ['Aachen', 50.78, 6.08]]],
    ['Hamburg', [['Hamburg', 53.55, 9.99]]],
  ]],
  ['NL', 'Netherlands', 2, 'nl', [
    ['Noord-Holland', [['Amsterdam', 52.37, 4.9], ['Haarlem', 52.38, 4.64]]],
    ['Zuid-Holland', [['Rotterdam', 51.92, 4.48], ['Den Haag', 52.08, 4.3], ['Delft', 52.01, 4.36]]],
    ['Utrecht', [['Utrecht', 52.09, 5.12]]],
  ]],
  ['BE', 'Belgium', 1, 'nl', [
    ['Brussels', [['Brussels', 50.85, 4.35]]],
    ['Flanders', [['Antwerp', 51.22, 4.4], ['Ghent', 51.05, 3.72], ['Leuven', 50.88, 4.7]]],
    ['Wallonia', [['Liège', 50.63, 5.57]]],
  ]],
  ['CH', 'Switzerland', 1, 'de', [
    ['Zürich', [['Zürich', 47.38, 8.54]]],
    ['Geneva', [['Geneva', 46.2, 6.14]]],
    ['Vaud', [['Lausanne', 46.52, 6.63]]],
  ]],
  ['AT', 'Austria', 0.8, 'de', [
    ['Wien', [['Wien', 48.21, 16.37]]],
    ['Steiermark', [['Graz', 47.07, 15.44]]],
    ['Tirol', [['Innsbruck', 47.27, 11.4]]],
  ]],
  ['ES', 'Spain', 3, 'es', [
    ['Comunidad de Madrid', [['Madrid', 40.42, -3.7], ['Alcalá de Henares', 40.48, -3.36]]],
    ['Cataluña', [['Barcelona', 41.39, 2.17], ['Girona', 41.98, 2.82]]],
    ['Andalucía', [['Sevilla', 37.39, -5.98], ['Málaga', 36.72, -4.42], ['Granada', 37.18, -3.6]]],
    ['Comunidad Valenciana', [['Valencia', 39.47, -0.38]]],
  ]],
  ['PT', 'Portugal', 1, 'pt', [
    ['Lisboa', [['Lisboa', 38.72, -9.14]]],
    ['Porto', [['Porto', 41.15, -8.61]]],
    ['Coimbra', [['Coimbra', 40.21, -8.43]]],
  ]],
  ['IT', 'Italy', 2.5, 'it', [
    ['Lazio', [['Roma', 41.9, 12.5]]],
    ['Lombardia', [['Milano', 45.46, 9.19], ['Bergamo', 45.7, 9.67]]],
    ['Emilia-Romagna', [['Bologna', 44.49, 11.34]]],
    ['Campania', [['Napoli', 40.85, 14.27]]],
  ]],
  ['SE', 'Sweden', 1.2, 'nordic', [
    ['Stockholm', [['Stockholm', 59.33, 18.07]]],
    ['Västra Götaland', [['Göteborg', 57.71, 11.97]]],
    ['Skåne', [['Malmö', 55.6, 13.0], ['Lund', 55.7, 13.19]]],
  ]],
  ['NO', 'Norway', 0.7, 'nordic', [
    ['Oslo', [['Oslo', 59.91, 10.75]]],
    ['Vestland', [['Bergen', 60.39, 5.32]]],
    ['Trøndelag', [['Trondheim', 63.43, 10.4]]],
  ]],
  ['DK', 'Denmark', 0.7, 'nordic', [
    ['Hovedstaden', [['København', 55.68, 12.57]]],
    ['Midtjylland', [['Aarhus', 56.16, 10.2]]],
  ]],
  ['FI', 'Finland', 0.6, 'nordic', [
    ['Uusimaa', [['Helsinki', 60.17, 24.94], ['Espoo', 60.21, 24.66]]],
    ['Pirkanmaa', [['Tampere', 61.5, 23.76]]],
  ]],
  ['PL', 'Poland', 1.5, 'pl', [
    ['Mazowieckie', [['Warszawa', 52.23, 21.01]]],
    ['Małopolskie', [['Kraków', 50.06, 19.94]]],
    ['Dolnośląskie', [['Wrocław', 51.11, 17.04]]],
    ['Pomorskie', [['Gdańsk', 54.35, 18.65]]],
  ]],
  ['CZ', 'Czechia', 0.6, 'pl', [
    ['Praha', [['Praha', 50.08, 14.44]]],
    ['Jihomoravský kraj', [['Brno', 49.2, 16.61]]],
  ]],
  ['GR', 'Greece', 0.6, 'gr', [
    ['Attica', [['Athens', 37.98, 23.73], ['Piraeus', 37.94, 23.65]]],
    ['Central Macedonia', [['Thessaloniki', 40.64, 22.94]]],
  ]],
  ['TR', 'Turkey', 1.5, 'tr', [
    ['İstanbul', [['İstanbul', 41.01, 28.98]]],
    ['Ankara', [['Ankara', 39.93, 32.86]]],
    ['İzmir', [['İzmir', 38.42, 27.14]]],
  ]],
  ['UA', 'Ukraine', 0.8, 'slav', [
    ['Kyiv', [['Kyiv', 50.45, 30.52]]],
    ['Lviv Oblast', [['Lviv', 49.84, 24.03]]],
    ['Kharkiv Oblast', [['Kharkiv', 49.99, 36.23]]],
  ]],
  ['RO', 'Romania', 0.7, 'ro', [
    ['București', [['București', 44.43, 26.1]]],
    ['Cluj', [['Cluj-Napoca', 46.77, 23.6]]],
    ['Iași', [['Iași', 47.16, 27.59]]],
  ]],
  ['IL', 'Israel', 1.2, 'he', [
    ['Tel Aviv District', [['Tel Aviv', 32.09, 34.78], ['Ramat Gan', 32.08, 34.82]]],
    ['Jerusalem District', [['Jerusalem', 31.77, 35.21]]],
    ['Haifa District', [['Haifa', 32.79, 34.99]]],
  ]],
  ['EG', 'Egypt', 0.8, 'ar', [
    ['Cairo', [['Cairo', 30.04, 31.24]]],
    ['Alexandria', [['Alexandria', 31.2, 29.92]]],
    ['Giza', [['Giza', 30.01, 31.21]]],
  ]],
  ['AE', 'United Arab Emirates', 0.8, 'ar', [
    ['Dubai', [['Dubai', 25.2, 55.27]]],
    ['Abu Dhabi', [['Abu Dhabi', 24.45, 54.38], ['Al Ain', 24.21, 55.74]]],
  ]],
  ['SA', 'Saudi Arabia', 0.7, 'ar', [
    ['Riyadh Province', [['Riyadh', 24.71, 46.68]]],
    ['Makkah Province', [['Jeddah', 21.49, 39.19], ['Mecca', 21.39, 39.86]]],
  ]],
  ['MA', 'Morocco', 0.5, 'ar', [
    ['Casablanca-Settat', [['Casablanca', 33.57, -7.59]]],
    ['Rabat-Salé-Kénitra', [['Rabat', 34.02, -6.84]]],
    ['Marrakech-Safi', [['Marrakech', 31.63, -8.01]]],
  ]],
  ['NG', 'Nigeria', 1.2, 'ng', [
    ['Lagos', [['Lagos', 6.52, 3.38], ['Ikeja', 6.6, 3.35]]],
    ['Federal Capital Territory', [['Abuja', 9.08, 7.4]]],
    ['Oyo', [['Ibadan', 7.38, 3.95]]],
  ]],
  ['KE', 'Kenya', 0.7, 'ke', [
    ['Nairobi', [['Nairobi', -1.29, 36.82]]],
    ['Mombasa', [['Mombasa', -4.04, 39.67]]],
    ['Kisumu', [['Kisumu', -0.09, 34.77]]],
  ]],
  ['ZA', 'South Africa', 1.2, 'za', [
    ['Gauteng', [['Johannesburg', -26.2, 28.05], ['Pretoria', -25.75, 28.19]]],
    ['Western Cape', [['Cape Town', -33.92, 18.42], ['Stellenbosch', -33.93, 18.86]]],
    ['KwaZulu-Natal', [['Durban', -29.86, 31.02]]],
  ]],
  ['GH', 'Ghana', 0.4, 'ng', [
    ['Greater Accra', [['Accra', 5.6, -0.19]]],
    ['Ashanti', [['Kumasi', 6.69, -1.62]]],
  ]],
  ['IN', 'India', 7, 'in', [
    ['Maharashtra', [['Mumbai', 19.08, 72.88], ['Pune', 18.52, 73.86]]],
    ['Karnataka', [['Bengaluru', 12.97, 77.59], ['Mysuru', 12.3, 76.64]]],
    ['Delhi', [['New Delhi', 28.61, 77.21]]],
    ['Tamil Nadu', [['Chennai', 13.08, 80.27], ['Coimbatore', 11.02, 76.96]]],
    ['Telangana', [['Hyderabad', 17.39, 78.49]]],
    ['West Bengal', [['Kolkata', 22.57, 88.36]]],
  ]],
  ['PK', 'Pakistan', 0.8, 'pk', [
    ['Punjab', [['Lahore', 31.55, 74.34], ['Faisalabad', 31.42, 73.08]]],
    ['Sindh', [['Karachi', 24.86, 67.0]]],
    ['Islamabad Capital Territory', [['Islamabad', 33.68, 73.05]]],
  ]],
  ['BD', 'Bangladesh', 0.5, 'bd', [
    ['Dhaka Division', [['Dhaka', 23.81, 90.41]]],
    ['Chattogram Division', [['Chattogram', 22.36, 91.78]]],
  ]],
  ['CN', 'China', 2, 'zh', [
    ['Beijing', [['Beijing', 39.9, 116.41]]],
    ['Shanghai', [['Shanghai', 31.23, 121.47]]],
    ['Guangdong', [['Guangzhou', 23.13, 113.26], ['Shenzhen', 22.54, 114.06]]],
  ]],
  ['HK', 'Hong Kong', 0.5, 'zh', [
    ['Hong Kong Island', [['Central', 22.28, 114.16]]],
    ['Kowloon', [['Kowloon', 22.32, 114.18]]],
  ]],
  ['TW', 'Taiwan', 0.5, 'zh', [
    ['Taipei', [['Taipei', 25.03, 121.57]]],
    ['Taichung', [['Taichung', 24.15, 120.67]]],
  ]],
  ['JP', 'Japan', 2.5, 'ja', [
    ['Tokyo', [['Tokyo', 35.68, 139.69], ['Hachiōji', 35.66, 139.32]]],
    ['Osaka', [['Osaka', 34.69, 135.5]]],
    ['Kyoto', [['Kyoto', 35.01, 135.77]]],
    ['Hokkaido', [['Sapporo', 43.06, 141.35]]],
  ]],
  ['KR', 'South Korea', 1.5, 'ko', [
    ['Seoul', [['Seoul', 37.57, 126.98]]],
    ['Busan', [['Busan', 35.18, 129.08]]],
    ['Gyeonggi-do', [['Suwon', 37.26, 127.03], ['Seongnam', 37.42, 127.13]]],
  ]],
  ['SG', 'Singapore', 0.8, 'sg', [['Singapore', [['Singapore', 1.35, 103.82]]]]],
  ['MY', 'Malaysia', 0.6, 'sg', [
    ['Kuala Lumpur', [['Kuala Lumpur', 3.14, 101.69]]],
    ['Penang', [['George Town', 5.41, 100.33]]],
    ['Selangor', [['Shah Alam', 3.07, 101.52], ['Petaling Jaya', 3.11, 101.61]]],
  ]],
  ['ID', 'Indonesia', 1, 'id', [
    ['Jakarta', [['Jakarta', -6.21, 106.85]]],
    ['West Java', [['Bandung', -6.92, 107.62]]],
    ['East Java', [['Surabaya', -7.26, 112.75]]],
  ]],
  ['PH', 'Philippines', 1, 'ph', [
    ['Metro Manila', [['Manila', 14.6, 120.98], ['Quezon City', 14.68, 121.04]]],
    ['Cebu', [['Cebu City', 10.32, 123.89]]],
    ['Davao del Sur', [['Davao City', 7.19, 125.46]]],
  ]],
  ['VN', 'Vietnam', 0.8, 'vi', [
    ['Hà Nội', [['Hà Nội', 21.03, 105.85]]],
    ['Hồ Chí Minh', [['Hồ Chí Minh City', 10.82, 106.63]]],
    ['Đà Nẵng', [['Đà Nẵng', 16.05, 108.2]]],
  ]],
  ['TH', 'Thailand', 0.6, 'th', [
    ['Bangkok', [['Bangkok', 13.76, 100.5]]],
    ['Chiang Mai', [['Chiang Mai', 18.79, 98.99]]],
  ]],
  ['AU', 'Australia', 3.5, 'en', [
    ['New South Wales', [['Sydney', -33.87, 151.21], ['Newcastle', -32.93, 151.78]]],
    ['Victoria', [['Melbourne', -37.81, 144.96], ['Geelong', -38.15, 144.36]]],
    ['Queensland', [['Brisbane', -27.47, 153.03]]],
    ['Western Australia', [['Perth', -31.95, 115.86]]],
  ]],
  ['NZ', 'New Zealand', 0.8, 'en', [
    ['Auckland', [['Auckland', -36.85, 174.76]]],
    ['Wellington', [['Wellington', -41.29, 174.78]]],
    ['Canterbury', [['Christchurch', -43.53, 172.64]]],
  ]],
];

/** Every country, in no particular order. */
export const COUNTRIES: readonly Country[] = ROWS.map(([code, name, weight, culture, regions]) => ({
  code,
  name,
  weight,
  culture,
  regions: regions.map(([regionName, cities]) => ({
    name: regionName,
    cities: cities.map(([cityName, lat, lon]) => ({ name: cityName, lat, lon })),
  })),
}));
