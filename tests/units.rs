//! The units of `rules/units.toml` as news text writes them: currencies of
//! the world, and measures of length, area, volume, mass, information,
//! data rate, speed, power, energy and angle, in French and English; and
//! the phrases where a unit word is no unit ("He won 3 games").

mod common;

use std::collections::HashMap;

use common::{config, d, figures};
use figcheck::model::{Kind, Lang};

#[allow(non_upper_case_globals)]
const Fr: Lang = Lang::new("fr");
#[allow(non_upper_case_globals)]
const En: Lang = Lang::new("en");
use rust_decimal::Decimal;

/// One figure as the tests see it: its text, value, kind and unit id.
#[derive(Debug, Clone, PartialEq)]
struct Fig {
    text: String,
    value: Option<Decimal>,
    kind: Kind,
    unit: Option<String>,
}

fn figs(text: &str, lang: Lang) -> Vec<Fig> {
    let lex = &config().lexicon;
    figures(text, lang)
        .into_iter()
        .map(|f| Fig {
            text: text[f.start()..f.end()].to_string(),
            value: f.value(),
            kind: f.kind,
            unit: f.unit.map(|u| lex.units[u as usize].id.clone()),
        })
        .collect()
}

/// `text` has a figure written `span`, of this value, kind and unit.
fn has(lang: Lang, text: &str, span: &str, value: &str, kind: Kind, unit: &str) {
    let all = figs(text, lang);
    let f = all
        .iter()
        .find(|f| f.text == span)
        .unwrap_or_else(|| panic!("{text:?}: no figure {span:?} in {all:?}"));
    assert_eq!(f.value, Some(d(value)), "{text:?}: value of {span:?}");
    assert_eq!(f.kind, kind, "{text:?}: kind of {span:?}");
    assert_eq!(f.unit.as_deref(), Some(unit), "{text:?}: unit of {span:?}");
}

fn money(lang: Lang, text: &str, span: &str, value: &str, unit: &str) {
    has(lang, text, span, value, Kind::Money, unit);
}

fn measure(lang: Lang, text: &str, span: &str, value: &str, unit: &str) {
    has(lang, text, span, value, Kind::Measure, unit);
}

/// No figure of `text` is money or a measure: the unit-like words of the
/// phrase are no units.
fn no_unit(lang: Lang, text: &str) {
    let all = figs(text, lang);
    let bad: Vec<_> = all
        .iter()
        .filter(|f| matches!(f.kind, Kind::Money | Kind::Measure))
        .collect();
    assert!(bad.is_empty(), "{text:?}: {bad:?}");
}

#[test]
fn currencies_in_french() {
    money(
        Fr,
        "Il a payé 300 lires turques pour un tapis.",
        "300 lires turques",
        "300",
        "TRY",
    );
    money(
        Fr,
        "Le budget atteint 2 milliards de reais.",
        "2 milliards de reais",
        "2000000000",
        "BRL",
    );
    money(
        Fr,
        "Une amende de 5 000 dinars irakiens a été infligée.",
        "5 000 dinars irakiens",
        "5000",
        "IQD",
    );
    money(
        Fr,
        "Le salaire minimum passe à 460 dinars tunisiens.",
        "460 dinars tunisiens",
        "460",
        "TND",
    );
    money(
        Fr,
        "Le litre d'essence coûte 45 dinars algériens.",
        "45 dinars algériens",
        "45",
        "DZD",
    );
    money(
        Fr,
        "La subvention s'élève à 3,5 milliards de dirhams marocains.",
        "3,5 milliards de dirhams marocains",
        "3500000000",
        "MAD",
    );
    money(
        Fr,
        "Le projet a coûté 120 MDH selon la mairie.",
        "120 MDH",
        "120000000",
        "MAD",
    );
    money(
        Fr,
        "Le ticket coûte 1 500 francs CFA BEAC à Douala.",
        "1 500 francs CFA BEAC",
        "1500",
        "XAF",
    );
    money(
        Fr,
        "Il touchait 12 000 couronnes suédoises par mois.",
        "12 000 couronnes suédoises",
        "12000",
        "SEK",
    );
    money(
        Fr,
        "La facture est de 800 couronnes norvégiennes.",
        "800 couronnes norvégiennes",
        "800",
        "NOK",
    );
    money(
        Fr,
        "Le pain vaut 25 livres égyptiennes au Caire.",
        "25 livres égyptiennes",
        "25",
        "EGP",
    );
    money(
        Fr,
        "Un repas coûte 30 000 dongs à Hanoï.",
        "30 000 dongs",
        "30000",
        "VND",
    );
    money(
        Fr,
        "En 1998, le billet valait 10 florins hollandais.",
        "10 florins hollandais",
        "10",
        "NLG",
    );
    money(
        Fr,
        "La maison fut vendue 300 000 deutsche marks.",
        "300 000 deutsche marks",
        "300000",
        "DEM",
    );
    money(
        Fr,
        "Un café coûtait 2 000 lires italiennes.",
        "2 000 lires italiennes",
        "2000",
        "ITL",
    );
    money(
        Fr,
        "Il a acheté 3 bitcoins en 2015.",
        "3 bitcoins",
        "3",
        "BTC",
    );
    money(
        Fr,
        "Le loyer atteint 4 000 shekels à Tel-Aviv.",
        "4 000 shekels",
        "4000",
        "ILS",
    );
    money(
        Fr,
        "L'entrée coûte 200 pesos mexicains.",
        "200 pesos mexicains",
        "200",
        "MXN",
    );
    money(
        Fr,
        "Le salaire moyen est de 18 000 hryvnias.",
        "18 000 hryvnias",
        "18000",
        "UAH",
    );
    money(
        Fr,
        "Un kilo de riz coûte 1 200 nairas à Lagos.",
        "1 200 nairas",
        "1200",
        "NGN",
    );
}

#[test]
fn currencies_in_english() {
    money(
        En,
        "The lira fell past 30 Turkish liras to the dollar.",
        "30 Turkish liras",
        "30",
        "TRY",
    );
    money(
        En,
        "Tickets sell for 500 Mexican pesos.",
        "500 Mexican pesos",
        "500",
        "MXN",
    );
    money(
        En,
        "The fine was 2 million South African rand.",
        "2 million South African rand",
        "2000000",
        "ZAR",
    );
    money(
        En,
        "Miners earn 12,000 rands a month.",
        "12,000 rands",
        "12000",
        "ZAR",
    );
    money(
        En,
        "Samsung will invest 50 trillion South Korean won.",
        "50 trillion South Korean won",
        "50000000000000",
        "KRW",
    );
    money(
        En,
        "The deal is worth ₩1.2 trillion.",
        "₩1.2 trillion",
        "1200000000000",
        "KRW",
    );
    money(
        En,
        "He was fined 5,000 Swedish kronor.",
        "5,000 Swedish kronor",
        "5000",
        "SEK",
    );
    money(
        En,
        "The ticket costs 300 Danish kroner.",
        "300 Danish kroner",
        "300",
        "DKK",
    );
    money(
        En,
        "A pint costs 25 zlotys in Warsaw.",
        "25 zlotys",
        "25",
        "PLN",
    );
    money(
        En,
        "Rents rose to NZ$ 650 a week in Auckland.",
        "NZ$ 650",
        "650",
        "NZD",
    );
    money(
        En,
        "The flat sold for HK$12 million.",
        "HK$12 million",
        "12000000",
        "HKD",
    );
    money(
        En,
        "Fares rise to S$2.50 next month.",
        "S$2.50",
        "2.50",
        "SGD",
    );
    money(
        En,
        "Police seized NIS 2 million in cash.",
        "NIS 2 million",
        "2000000",
        "ILS",
    );
    money(
        En,
        "A loaf now costs 1,500 naira in Lagos.",
        "1,500 naira",
        "1500",
        "NGN",
    );
    money(
        En,
        "The bill was 3,000 Kenyan shillings.",
        "3,000 Kenyan shillings",
        "3000",
        "KES",
    );
    money(
        En,
        "The bonus was 1 million Saudi riyals.",
        "1 million Saudi riyals",
        "1000000",
        "SAR",
    );
    money(
        En,
        "The fine is AED 50,000 for littering.",
        "AED 50,000",
        "50000",
        "AED",
    );
    money(
        En,
        "A meal costs 40,000 Vietnamese dong.",
        "40,000 Vietnamese dong",
        "40000",
        "VND",
    );
    money(
        En,
        "Taxis charge 35 baht per kilometre.",
        "35 baht",
        "35",
        "THB",
    );
    money(
        En,
        "The tax raised 5 trillion rupiah.",
        "5 trillion rupiah",
        "5000000000000",
        "IDR",
    );
    money(
        En,
        "Petrol costs 270 Pakistani rupees a litre.",
        "270 Pakistani rupees",
        "270",
        "PKR",
    );
    money(
        En,
        "Garment workers earn 12,500 taka a month.",
        "12,500 taka",
        "12500",
        "BDT",
    );
    money(
        En,
        "The aid package is worth 4 billion hryvnias.",
        "4 billion hryvnias",
        "4000000000",
        "UAH",
    );
    money(
        En,
        "In 1990 a stamp cost 80 Dutch guilders.",
        "80 Dutch guilders",
        "80",
        "NLG",
    );
    money(
        En,
        "The car cost 40,000 Deutsche marks in 1995.",
        "40,000 Deutsche marks",
        "40000",
        "DEM",
    );
    money(
        En,
        "A coffee was 100 pesetas before the euro.",
        "100 pesetas",
        "100",
        "ESP",
    );
    money(
        En,
        "He sold 0.5 bitcoin, or 50,000,000 satoshis.",
        "0.5 bitcoin",
        "0.5",
        "BTC",
    );
    money(
        En,
        "He sold 0.5 bitcoin, or 50,000,000 satoshis.",
        "50,000,000 satoshis",
        "50000000",
        "satoshi",
    );
    money(En, "The fund holds ₿1,200.", "₿1,200", "1200", "BTC");
    money(
        En,
        "He paid 500 bucks for the ticket.",
        "500 bucks",
        "500",
        "USD",
    );
    money(
        En,
        "The mansion went for 2 million bucks.",
        "2 million bucks",
        "2000000",
        "USD",
    );
}

#[test]
fn currency_signs() {
    for (text, span, value, unit) in [
        ("It now costs ₺500.", "₺500", "500", "TRY"),
        ("It now costs ₪30.", "₪30", "30", "ILS"),
        ("It now costs ₦200.", "₦200", "200", "NGN"),
        ("It now costs ₴50.", "₴50", "50", "UAH"),
        ("It now costs 20 000 ₫.", "20 000 ₫", "20000", "VND"),
        ("It now costs ฿100.", "฿100", "100", "THB"),
        ("It now costs ₱50.", "₱50", "50", "PHP"),
        ("It now costs ₭9,000.", "₭9,000", "9000", "LAK"),
        ("It now costs ₾12.", "₾12", "12", "GEL"),
        ("It now costs R$ 10.", "R$ 10", "10", "BRL"),
        ("It now costs 40 zł.", "40 zł", "40", "PLN"),
    ] {
        money(Lang::new("en"), text, span, value, unit);
    }
}

#[test]
fn a_shared_currency_name_keeps_no_country() {
    money(
        Lang::new("fr"),
        "Il a été condamné à payer 300 dinars.",
        "300 dinars",
        "300",
        "dinar",
    );
    money(
        Lang::new("en"),
        "A taxi ride costs 200 pesos.",
        "200 pesos",
        "200",
        "peso",
    );
    money(
        Lang::new("fr"),
        "Le kilo de tomates vaut 12 dirhams.",
        "12 dirhams",
        "12",
        "dirham",
    );
}

#[test]
fn lengths_and_areas() {
    measure(
        En,
        "The family bought a 500-acre farm.",
        "500-acre",
        "500",
        "acre",
    );
    measure(
        En,
        "The fire burned 3,000 acres of forest.",
        "3,000 acres",
        "3000",
        "acre",
    );
    measure(En, "He ran for a 40-yard touchdown.", "40-yard", "40", "yd");
    measure(
        En,
        "The new flat has 1,200 square feet.",
        "1,200 square feet",
        "1200",
        "ft2",
    );
    measure(
        En,
        "Offices of 5,000 sq ft are empty.",
        "5,000 sq ft",
        "5000",
        "ft2",
    );
    measure(
        En,
        "The lake covers 30 square miles.",
        "30 square miles",
        "30",
        "mi2",
    );
    measure(
        Fr,
        "L'entrepôt fait 20 000 pieds carrés.",
        "20 000 pieds carrés",
        "20000",
        "ft2",
    );
    measure(
        En,
        "The ship was 200 nautical miles off the coast.",
        "200 nautical miles",
        "200",
        "nmi",
    );
    measure(
        Fr,
        "Le navire croisait à 12 milles nautiques de la côte.",
        "12 milles nautiques",
        "12",
        "nmi",
    );
    measure(
        En,
        "The galaxy lies 2.5 million light-years away.",
        "2.5 million light-years",
        "2500000",
        "ly",
    );
    measure(
        Fr,
        "L'étoile se trouve à 4,2 années-lumière.",
        "4,2 années-lumière",
        "4.2",
        "ly",
    );
    measure(
        En,
        "TSMC will make chips on a 3 nm process.",
        "3 nm",
        "3",
        "nm",
    );
    measure(
        Fr,
        "La gravure passe à 5 nanomètres.",
        "5 nanomètres",
        "5",
        "nm",
    );
    measure(
        Fr,
        "Les particules de 2,5 micromètres sont les plus nocives.",
        "2,5 micromètres",
        "2.5",
        "µm",
    );
    measure(
        En,
        "Particles of 10 µm enter the lungs.",
        "10 µm",
        "10",
        "µm",
    );
    measure(
        Fr,
        "Le tunnel avance de 3 hectomètres par mois.",
        "3 hectomètres",
        "3",
        "hm",
    );
    measure(
        Fr,
        "La tige mesure 4 décimètres.",
        "4 décimètres",
        "4",
        "dm",
    );
    measure(
        En,
        "The atom is 50 picometres across.",
        "50 picometres",
        "50",
        "pm",
    );
}

#[test]
fn volumes() {
    measure(
        Fr,
        "Le pays produit 2,5 millions de barils par jour.",
        "2,5 millions de barils",
        "2500000",
        "bbl",
    );
    measure(
        En,
        "Output rose to 10.5 million barrels a day.",
        "10.5 million barrels",
        "10500000",
        "bbl",
    );
    measure(
        En,
        "The reservoir holds 3 million cubic meters of water.",
        "3 million cubic meters",
        "3000000",
        "m3",
    );
    measure(
        Fr,
        "Le barrage retient 2 milliards de mètres cubes.",
        "2 milliards de mètres cubes",
        "2000000000",
        "m3",
    );
    measure(
        Fr,
        "La piscine contient 400 m³ d'eau.",
        "400 m³",
        "400",
        "m3",
    );
    measure(
        En,
        "The tank stores 500 cubic feet of gas.",
        "500 cubic feet",
        "500",
        "ft3",
    );
    measure(En, "He rode a 125 cc scooter.", "125 cc", "125", "cm3");
    measure(
        En,
        "The glacier lost 10 cubic kilometres of ice.",
        "10 cubic kilometres",
        "10",
        "km3",
    );
    measure(En, "He drank 3 pints of lager.", "3 pints", "3", "pt");
    measure(Fr, "Il a bu 3 pintes de bière.", "3 pintes", "3", "pt");
    measure(
        En,
        "The bottle holds 12 fluid ounces.",
        "12 fluid ounces",
        "12",
        "fl oz",
    );
    measure(Fr, "Ajoutez 2 tasses de farine.", "2 tasses", "2", "cup");
    measure(
        Fr,
        "Une bouteille de 75 cl coûte 12 euros.",
        "75 cl",
        "75",
        "cl",
    );
    measure(
        Fr,
        "La récolte atteint 45 millions d'hectolitres.",
        "45 millions d'hectolitres",
        "45000000",
        "hl",
    );
    measure(
        Fr,
        "Versez 2 décilitres de lait.",
        "2 décilitres",
        "2",
        "dl",
    );
    measure(
        En,
        "Add 2 centiliters of syrup.",
        "2 centiliters",
        "2",
        "cl",
    );
}

#[test]
fn masses() {
    measure(
        En,
        "The bar weighs 400 troy ounces.",
        "400 troy ounces",
        "400",
        "ozt",
    );
    measure(
        Fr,
        "La banque détient 3 000 onces d'or.",
        "3 000 onces",
        "3000",
        "oz",
    );
    measure(
        En,
        "Each patty has 6 ounces of beef.",
        "6 ounces",
        "6",
        "oz",
    );
    measure(
        En,
        "The tablet contains 500 mg of paracetamol.",
        "500 mg",
        "500",
        "mg",
    );
    measure(
        Fr,
        "Le comprimé contient 200 milligrammes de caféine.",
        "200 milligrammes",
        "200",
        "mg",
    );
    measure(
        En,
        "Adults need 15 micrograms of vitamin D a day.",
        "15 micrograms",
        "15",
        "µg",
    );
    measure(En, "Take 400 mcg of folic acid.", "400 mcg", "400", "µg");
    measure(Fr, "La dose est de 20 µg par jour.", "20 µg", "20", "µg");
    measure(
        Fr,
        "Un diamant de 105 carats a été trouvé.",
        "105 carats",
        "105",
        "ct",
    );
    measure(En, "He fired a 150-grain bullet.", "150-grain", "150", "gr");
}

#[test]
fn information_and_data_rates() {
    measure(En, "The file is 10 megabytes.", "10 megabytes", "10", "MB");
    measure(
        En,
        "The phone has 512 GB of storage.",
        "512 GB",
        "512",
        "GB",
    );
    measure(
        En,
        "The archive holds 2 terabytes of data.",
        "2 terabytes",
        "2",
        "TB",
    );
    measure(
        Fr,
        "Le forfait comprend 100 Go de données.",
        "100 Go",
        "100",
        "GB",
    );
    measure(
        Fr,
        "Les pirates ont volé 3 téraoctets de données.",
        "3 téraoctets",
        "3",
        "TB",
    );
    measure(
        Fr,
        "Le fichier pèse 700 mégaoctets.",
        "700 mégaoctets",
        "700",
        "MB",
    );
    measure(En, "It runs on a 64-bit processor.", "64-bit", "64", "bit");
    measure(
        Fr,
        "Une clé de 256 bits protège les données.",
        "256 bits",
        "256",
        "bit",
    );
    measure(En, "The page takes 16 KB of memory.", "16 KB", "16", "kB");
    measure(En, "The block size is 4 MiB.", "4 MiB", "4", "MiB");
    measure(
        En,
        "Users get 100 Mbps downloads.",
        "100 Mbps",
        "100",
        "Mbit/s",
    );
    measure(
        Fr,
        "La fibre atteint 1 Gbit/s en téléchargement.",
        "1 Gbit/s",
        "1",
        "Gbit/s",
    );
    measure(
        Fr,
        "Le débit plafonne à 8 Mb/s dans les campagnes.",
        "8 Mb/s",
        "8",
        "Mbit/s",
    );
}

#[test]
fn speeds_power_energy_and_angles() {
    measure(En, "The ferry sails at 12 knots.", "12 knots", "12", "kn");
    measure(Fr, "Le voilier filait à 25 nœuds.", "25 nœuds", "25", "kn");
    measure(
        En,
        "Gusts reached 40 m/s on the coast.",
        "40 m/s",
        "40",
        "m/s",
    );
    measure(
        Fr,
        "Le vent soufflait à 30 mètres par seconde.",
        "30 mètres par seconde",
        "30",
        "m/s",
    );
    measure(
        En,
        "The water flowed at 6 feet per second.",
        "6 feet per second",
        "6",
        "ft/s",
    );
    measure(
        En,
        "The reactor will produce 1.6 GW of power.",
        "1.6 GW",
        "1.6",
        "GW",
    );
    measure(
        Fr,
        "Les éoliennes ajoutent 3 gigawatts au réseau.",
        "3 gigawatts",
        "3",
        "GW",
    );
    measure(En, "A 60 W bulb burns for hours.", "60 W", "60", "W");
    measure(
        En,
        "The charger delivers 100 watts.",
        "100 watts",
        "100",
        "W",
    );
    measure(Fr, "La borne délivre 22 kW.", "22 kW", "22", "kW");
    measure(
        En,
        "A household uses 3,500 kWh a year.",
        "3,500 kWh",
        "3500",
        "kWh",
    );
    measure(
        Fr,
        "La consommation atteint 4 500 kilowattheures par an.",
        "4 500 kilowattheures",
        "4500",
        "kWh",
    );
    measure(En, "Solar output hit 5 TWh in June.", "5 TWh", "5", "TWh");
    measure(
        En,
        "The engine delivers 300 horsepower.",
        "300 horsepower",
        "300",
        "hp",
    );
    measure(En, "The V8 makes 450 hp.", "450 hp", "450", "hp");
    measure(Fr, "La citadine développe 150 ch.", "150 ch", "150", "ch");
    measure(
        Fr,
        "Un moteur de 90 chevaux-vapeur.",
        "90 chevaux-vapeur",
        "90",
        "ch",
    );
    measure(
        En,
        "The skater spun 3 full turns in the air.",
        "3 full turns",
        "3",
        "turn",
    );
}

#[test]
fn words_that_are_no_units() {
    for text in [
        "He won 3 games in a row.",
        "The team won 2 of its last 5 matches.",
        "Here are the real 5 reasons.",
        "The meeting is at 5 pm.",
        "In 2014 Real Madrid won the cup.",
        "In 2016 Rand Paul ran for president.",
        "A 2019 RAND study found this.",
        "The 1985 Mark Knopfler album sold well.",
        "The 1965 Watts riots left 34 dead.",
        "He took 3 turns at the wheel.",
        "Protesters threw 20 stones at the police.",
        "Kill two birds with one stone.",
        "She bought 3 cups of coffee.",
        "The club won 2 cups this season.",
        "The bank cut rates by 25 bps.",
        "Liverpool's No. 11 Mo Salah scored twice.",
        "Top 10 To Watch this year.",
        "Clinics treated 10,000 TB patients.",
        "World No. 1 Ko won again.",
        "The summit follows the 2023 COP in Dubai.",
        "PHP 8 was released with new features.",
        "Fill up with 95 RON petrol.",
        "The No. 1 DT prospect signed.",
    ] {
        no_unit(En, text);
    }
    for text in [
        "L'élection se joue en 2 tours de scrutin.",
        "Il a fait 10 tours de piste.",
        "Il a gravé un 33 tours.",
        "Les 3 quarts des électeurs ont voté.",
        "Il a lu 3 lire aussi.",
        "Un grain de riz et un nœud gordien.",
        "10 chevaux ont été volés dans le pré.",
        "Les 3 couronnes du roi sont exposées.",
    ] {
        no_unit(Fr, text);
    }
}

#[test]
fn factors_agree() {
    let lex = &config().lexicon;
    let unit = |id: &str| {
        lex.units
            .iter()
            .find(|u| u.id == id)
            .unwrap_or_else(|| panic!("no unit {id}"))
    };
    let factor = |id: &str| unit(id).factor.unwrap();
    // A turn is 360 degrees.
    let diff = factor("turn") - factor("deg") * Decimal::from(360);
    assert!(diff.abs() < d("0.000000000000000000001"), "{diff}");
    // An acre is 43,560 square feet; a square mile 640 acres.
    assert_eq!(factor("ft2") * Decimal::from(43_560), factor("acre"));
    assert_eq!(factor("acre") * Decimal::from(640), factor("mi2"));
    // A barrel is 42 gallons, a gallon 8 pints or 128 fluid ounces, a
    // cubic foot 1728 cubic inches.
    assert_eq!(factor("gal") * Decimal::from(42), factor("bbl"));
    assert_eq!(factor("pt") * Decimal::from(8), factor("gal"));
    assert_eq!(factor("qt") * Decimal::from(4), factor("gal"));
    assert_eq!(factor("fl oz") * Decimal::from(128), factor("gal"));
    let inch_cubed = d("0.0254") * d("0.0254") * d("0.0254") * Decimal::from(1000);
    assert_eq!(inch_cubed * Decimal::from(1728), factor("ft3"));
    // A pound is 16 ounces, a yard 3 feet.
    assert_eq!(factor("oz") * Decimal::from(16), factor("lb"));
    assert_eq!(factor("ft") * Decimal::from(3), factor("yd"));
    // Bytes: a byte is 8 bits; binary sizes are powers of 1024.
    assert_eq!(factor("bit") * Decimal::from(8), factor("byte"));
    assert_eq!(factor("KiB") * Decimal::from(1024), factor("MiB"));
    assert_eq!(factor("Mbit") * Decimal::from(8), factor("MB"));
    // A knot is one nautical mile an hour; m/s in km/h.
    assert_eq!(factor("nmi") / Decimal::from(1000), factor("kn"));
    assert_eq!(factor("ft") * d("3.6"), factor("ft/s"));
    // Units of one dimension, for every unit with a factor.
    for u in &lex.units {
        assert_eq!(
            u.factor.is_some(),
            u.dimension.is_some(),
            "{}: a factor needs a dimension and the reverse",
            u.id
        );
    }
}

#[test]
fn no_symbol_names_two_units() {
    let lex = &config().lexicon;
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for f in lex.unit_forms.iter().filter(|f| f.symbol) {
        let id = lex.units[f.unit].id.as_str();
        if let Some(other) = seen.insert(f.form.as_str(), id) {
            assert_eq!(other, id, "symbol {:?} names two units", f.form);
        }
    }
}
