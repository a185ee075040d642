/** A Posti pickup point: a service point in a shop or post office, or a parcel locker. */
export interface PickupPoint {
  /** Posti's nine-digit point id: the postcode, then a running number. */
  id: string;
  name: string;
  streetAddress: string;
  postcode: string;
  city: string;
  latitude: number;
  longitude: number;
  /** Opening hours as Posti writes them in `description`: `ma-pe 8.00 - 20.00, la 10.00 - 15.00`. */
  openingHours: string;
  type: 'PICKUPPOINT' | 'PARCEL_LOCKER';
}

const ALWAYS_OPEN = 'ma-su 0.00 - 24.00';
const MALL = 'ma-pe 9.00 - 21.00, la 9.00 - 18.00, su 12.00 - 18.00';
const GROCERY = 'ma-la 7.00 - 22.00, su 9.00 - 22.00';
const POST_OFFICE = 'ma-pe 8.00 - 20.00, la 10.00 - 15.00';

type Row = [
  id: string,
  name: string,
  street: string,
  postcode: string,
  city: string,
  lat: number,
  lon: number,
  hours: string,
  type: PickupPoint['type'],
];

// Places where Posti has points, at their real addresses; the ids are the simulator's own.
// prettier-ignore
const ROWS: Row[] = [
  ['001003101', 'Posti, Helsinki Keskusta', 'Elielinaukio 2 F', '00100', 'HELSINKI', 60.17135, 24.94065, POST_OFFICE, 'PICKUPPOINT'],
  ['001003102', 'Pakettiautomaatti, Kamppi', 'Urho Kekkosen katu 1', '00100', 'HELSINKI', 60.16915, 24.93232, MALL, 'PARCEL_LOCKER'],
  ['001203101', 'Posti, K-Market Punavuori', 'Fredrikinkatu 19', '00120', 'HELSINKI', 60.16128, 24.93807, GROCERY, 'PICKUPPOINT'],
  ['002603101', 'Posti, R-kioski Töölöntori', 'Runeberginkatu 41', '00260', 'HELSINKI', 60.18091, 24.92459, 'ma-pe 7.00 - 21.00, la-su 9.00 - 21.00', 'PICKUPPOINT'],
  ['005203101', 'Pakettiautomaatti, Tripla', 'Fredikanterassi 1', '00520', 'HELSINKI', 60.19843, 24.93285, ALWAYS_OPEN, 'PARCEL_LOCKER'],
  ['005303101', 'Posti, Sale Kallio', 'Hämeentie 13', '00530', 'HELSINKI', 60.18401, 24.95202, GROCERY, 'PICKUPPOINT'],
  ['003503101', 'Pakettiautomaatti, K-Supermarket Munkkivuori', 'Raumantie 1', '00350', 'HELSINKI', 60.20574, 24.87882, GROCERY, 'PARCEL_LOCKER'],
  ['004203101', 'Posti, Kannelmäki', 'Klaneettitie 5', '00420', 'HELSINKI', 60.23928, 24.87674, POST_OFFICE, 'PICKUPPOINT'],
  ['007003101', 'Pakettiautomaatti, Malmi', 'Ala-Malmin tori 1', '00700', 'HELSINKI', 60.25102, 25.00961, ALWAYS_OPEN, 'PARCEL_LOCKER'],
  ['008003101', 'Posti, Herttoniemi', 'Hiihtomäentie 2', '00800', 'HELSINKI', 60.19452, 25.02999, POST_OFFICE, 'PICKUPPOINT'],
  ['009303101', 'Pakettiautomaatti, Itis', 'Itäkatu 1-7', '00930', 'HELSINKI', 60.21046, 25.08159, MALL, 'PARCEL_LOCKER'],
  ['021003101', 'Posti, Tapiola', 'Tapiontori 3', '02100', 'ESPOO', 60.17582, 24.80476, POST_OFFICE, 'PICKUPPOINT'],
  ['021503101', 'Pakettiautomaatti, Alepa Otaniemi', 'Otaniementie 12', '02150', 'ESPOO', 60.18528, 24.82503, GROCERY, 'PARCEL_LOCKER'],
  ['022303101', 'Pakettiautomaatti, Iso Omena', 'Piispansilta 11', '02230', 'ESPOO', 60.16146, 24.73834, MALL, 'PARCEL_LOCKER'],
  ['026003101', 'Posti, Sello', 'Leppävaarankatu 3-9', '02600', 'ESPOO', 60.21826, 24.81066, MALL, 'PICKUPPOINT'],
  ['027703101', 'Pakettiautomaatti, Espoon keskus', 'Kirkkojärventie 6', '02770', 'ESPOO', 60.20537, 24.65585, ALWAYS_OPEN, 'PARCEL_LOCKER'],
  ['013003101', 'Posti, Tikkurila', 'Ratatie 11', '01300', 'VANTAA', 60.29248, 25.04413, POST_OFFICE, 'PICKUPPOINT'],
  ['015103101', 'Pakettiautomaatti, Jumbo', 'Vantaanportinkatu 3', '01510', 'VANTAA', 60.29213, 24.96286, MALL, 'PARCEL_LOCKER'],
  ['331003101', 'Posti, Tampere Keskusta', 'Tullikatu 6', '33100', 'TAMPERE', 61.49782, 23.77713, POST_OFFICE, 'PICKUPPOINT'],
  ['331003102', 'Pakettiautomaatti, Koskikeskus', 'Hatanpään valtatie 1', '33100', 'TAMPERE', 61.49366, 23.76408, MALL, 'PARCEL_LOCKER'],
  ['331003103', 'Pakettiautomaatti, Ratina', 'Vuolteenkatu 1', '33100', 'TAMPERE', 61.49201, 23.76832, MALL, 'PARCEL_LOCKER'],
  ['334003101', 'Posti, K-Citymarket Lielahti', 'Lielahdenkatu 17', '33400', 'TAMPERE', 61.51602, 23.67887, GROCERY, 'PICKUPPOINT'],
  ['335003101', 'Pakettiautomaatti, Prisma Kaleva', 'Sammonkatu 75', '33540', 'TAMPERE', 61.50179, 23.81839, GROCERY, 'PARCEL_LOCKER'],
  ['337203101', 'Posti, Duo Hervanta', 'Pietilänkatu 2', '33720', 'TAMPERE', 61.45042, 23.85177, MALL, 'PICKUPPOINT'],
  ['201003101', 'Posti, Turku Keskusta', 'Eerikinkatu 11', '20100', 'TURKU', 60.45103, 22.26489, POST_OFFICE, 'PICKUPPOINT'],
  ['201003102', 'Pakettiautomaatti, Hansa', 'Yliopistonkatu 22', '20100', 'TURKU', 60.45199, 22.26736, MALL, 'PARCEL_LOCKER'],
  ['205003101', 'Posti, K-Market Nummi', 'Nummenkatu 2', '20540', 'TURKU', 60.45807, 22.30341, GROCERY, 'PICKUPPOINT'],
  ['207303101', 'Pakettiautomaatti, Skanssi', 'Skanssinkatu 10', '20730', 'TURKU', 60.42563, 22.31765, MALL, 'PARCEL_LOCKER'],
  ['212003101', 'Pakettiautomaatti, Mylly', 'Myllynkatu 1', '21200', 'RAISIO', 60.47268, 22.17902, MALL, 'PARCEL_LOCKER'],
  ['901003101', 'Posti, Oulu Keskusta', 'Isokatu 24', '90100', 'OULU', 65.01239, 25.47181, POST_OFFICE, 'PICKUPPOINT'],
  ['901003102', 'Pakettiautomaatti, Valkea', 'Isokatu 25', '90100', 'OULU', 65.01305, 25.47011, MALL, 'PARCEL_LOCKER'],
  ['904003101', 'Posti, Limingantulli', 'Nuottasaarentie 1', '90400', 'OULU', 65.00119, 25.48644, GROCERY, 'PICKUPPOINT'],
  ['904103101', 'Pakettiautomaatti, Prisma Kaakkuri', 'Kaakkurinkulma 4', '90410', 'OULU', 64.96412, 25.52371, GROCERY, 'PARCEL_LOCKER'],
  ['905253201', 'Pakettiautomaatti, Sale Toppila', 'Paakakatu 2', '90525', 'OULU', 65.04563, 25.43357, GROCERY, 'PARCEL_LOCKER'],
  ['905703101', 'Posti, Linnanmaa', 'Kaitoväylä 3', '90570', 'OULU', 65.05851, 25.46795, POST_OFFICE, 'PICKUPPOINT'],
];

/** The seeded Finnish pickup points (Helsinki, Espoo, Vantaa, Tampere, Turku, Oulu). */
export const PICKUP_POINTS: readonly PickupPoint[] = ROWS.map(
  ([id, name, streetAddress, postcode, city, latitude, longitude, openingHours, type]) => ({
    id,
    name,
    streetAddress,
    postcode,
    city,
    latitude,
    longitude,
    openingHours,
    type,
  }),
);
