namespace FleetManager.Core.Geo;

/// <summary>
/// The country vocabulary: per country its ISO alpha-2 and alpha-3 codes, the English name, and
/// the names used in the languages of European freight mail (EN, DE, FR, IT, ES, PT, NL, PL, CS,
/// SK, HU, RO, BG, SL, LT, LV, ET, TR, HR, SR, DA, SV, NO, FI, EL, RU, UK, and for the main neighbours also EU, GL,
/// CY, SQ, IS, LB, GA), Cyrillic and Latin.
/// Duplicates across languages are harmless; a name that means two countries is a bug (a test checks).
/// </summary>
internal static class CountryNameTable
{
    /// <summary>Lines of <c>ISO2|ISO3|English name|other names...</c>.</summary>
    public static readonly string[] Rows =
    [
        "DE|DEU|Germany|Deutschland|Bundesrepublik Deutschland|Federal Republic of Germany|BRD|GER|Allemagne|Germania|Alemania|Alemanha|Duitsland|Niemcy|Německo|Nemecko|Németország|Германия|Nemčija|Vokietija|Vācija|Saksamaa|Almanya|Njemačka|Nemačka|Немачка|Tyskland|Saksa|Γερμανία|Німеччина|Germaniya|Alemaña|Yr Almaen|Gjermania|Þýskaland|Däitschland|An Ghearmáin",
        "AT|AUT|Austria|Österreich|Oesterreich|Autriche|Oostenrijk|Rakousko|Rakúsko|Ausztria|Австрия|Avstrija|Austrija|Austrija|Avusturya|Аустрија|Østrig|Österrike|Østerrike|Itävalta|Αυστρία|Австрія|Awstria|Austurríki|Éisträich|An Ostair",
        "CH|CHE|Switzerland|Schweiz|Suisse|Svizzera|Suiza|Suíça|Zwitserland|Szwajcaria|Švýcarsko|Švajčiarsko|Svájc|Elveția|Elvetia|Швейцария|Švica|Šveicarija|Šveice|Šveits|İsviçre|Isvicre|Švicarska|Švajcarska|Швајцарска|Schweiz|Sveits|Sveitsi|Ελβετία|Швейцарія|Confoederatio Helvetica|Helvetia|Suitza|Suíza|Y Swistir|Zvicra|Sviss|Schwäiz|An Eilvéis",
        "FR|FRA|France|Frankreich|Francia|França|Frankrijk|Francja|Francie|Francúzsko|Franciaország|Franța|Franta|Франция|Francija|Prancūzija|Francija|Prantsusmaa|Fransa|Francuska|Француска|Frankrig|Frankrike|Ranska|Γαλλία|Франція|Frantzia|Ffrainc|Frakkland|Frankräich|An Fhrainc",
        "IT|ITA|Italy|Italien|Italie|Italia|Itália|Italië|Włochy|Itálie|Taliansko|Olaszország|Италия|Italija|Itālija|Itaalia|İtalya|Italya|Italija|Италија|Italia|Ιταλία|Італія|Yr Eidal|Ítalía|An Iodáil",
        "ES|ESP|Spain|Spanien|Espagne|Spagna|España|Espanha|Spanje|Hiszpania|Španělsko|Španielsko|Spanyolország|Spania|Испания|Španija|Ispanija|Spānija|Hispaania|İspanya|Ispanya|Španjolska|Шпанија|Espanja|Ισπανία|Іспанія|Espainia|Sbaen|Spanja|Spánn|Spuenien|An Spáinn",
        "PT|PRT|Portugal|Portogallo|Portugalsko|Portugália|Portugalia|Португалия|Portugalska|Portugalija|Portugāle|Portugali|Portekiz|Португал|Португалија|Πορτογαλία|Португалія|Portiwgal|Portúgal",
        "NL|NLD|Netherlands|The Netherlands|Holland|Niederlande|Pays-Bas|Paesi Bassi|Países Bajos|Países Baixos|Nederland|Holandia|Niderlandy|Nizozemsko|Holandsko|Holandia|Hollandia|Németalföld|Olanda|Țările de Jos|Tarile de Jos|Нидерландия|Холандия|Нидерланды|Голландия|Nizozemska|Nyderlandai|Olandija|Nīderlande|Holland|Madalmaad|Hollanda|Холандија|Nederlandene|Nederländerna|Alankomaat|Ολλανδία|Нідерланди|Herbehereak|Yr Iseldiroedd|Holanda",
        "BE|BEL|Belgium|Belgien|Belgique|Belgio|Bélgica|België|Belgia|Belgie|Belgicko|Belgicko|Belgium|Belgia|Белгия|Бельгия|Belgija|Beļģija|Belçika|Belgija|Белгија|Belgien|Belgia|Βέλγιο|Бельгія|Belgika|Bélxica|Gwlad Belg|Belgjika|Belgía|Belsch|An Bheilg",
        "LU|LUX|Luxembourg|Luxemburg|Lussemburgo|Luxemburgo|Luksemburg|Lucembursko|Luxembursko|Люксембург|Luksemburg|Liuksemburgas|Luksemburga|Lüksemburg|Luksemburg|Луксембург|Λουξεμβούργο|Luxenburgo|Lwcsembwrg|Luksemburgu|Lúxemborg|Lëtzebuerg",
        "GB|GBR|United Kingdom|UK|U.K.|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|Vereinigtes Königreich|Großbritannien|Grossbritannien|England|Royaume-Uni|Grande-Bretagne|Angleterre|Regno Unito|Gran Bretagna|Inghilterra|Reino Unido|Gran Bretaña|Inglaterra|Grã-Bretanha|Verenigd Koninkrijk|Groot-Brittannië|Engeland|Wielka Brytania|Zjednoczone Królestwo|Anglia|Spojené království|Velká Británie|Anglie|Spojené kráľovstvo|Veľká Británia|Egyesült Királyság|Nagy-Britannia|Anglia|Regatul Unit|Marea Britanie|Anglia|Обединеното кралство|Великобритания|Англия|Združeno kraljestvo|Velika Britanija|Jungtinė Karalystė|Didžioji Britanija|Anglija|Apvienotā Karaliste|Lielbritānija|Ühendkuningriik|Suurbritannia|Birleşik Krallık|İngiltere|Ingiltere|Ujedinjeno Kraljevstvo|Уједињено Краљевство|Велика Британија|Storbritannien|Det Forenede Kongerige|Förenade kungariket|Storbritannia|Iso-Britannia|Yhdistynyt kuningaskunta|Ηνωμένο Βασίλειο|Μεγάλη Βρετανία|Велика Британія|Erresuma Batua|Y Deyrnas Unedig|Cymru|Lloegr|Yr Alban|Mbretëria e Bashkuar|Bretland|An Ríocht Aontaithe|Sasana",
        "IE|IRL|Ireland|Republic of Ireland|Irland|Irlande|Irlanda|Ierland|Irlandia|Irsko|Írsko|Írország|Irlanda|Ирландия|Irska|Airija|Īrija|Iirimaa|İrlanda|Ирска|Irland|Irlanti|Éire|Ιρλανδία|Ірландія|Iwerddon|Írland",
        "DK|DNK|Denmark|Dänemark|Daenemark|Danemark|Danimarca|Dinamarca|Denemarken|Dania|Dánsko|Dánsko|Dánia|Danemarca|Дания|Danska|Danija|Dānija|Taani|Danimarka|Данска|Danmark|Tanska|Δανία|Данія|Denmarc|Danmörk",
        "SE|SWE|Sweden|Schweden|Suède|Svezia|Suecia|Suécia|Zweden|Szwecja|Švédsko|Švédsko|Svédország|Suedia|Швеция|Švedska|Švedija|Zviedrija|Rootsi|İsveç|Isvec|Шведска|Sverige|Ruotsi|Σουηδία|Швеція|Svíþjóð",
        "NO|NOR|Norway|Norwegen|Norvège|Norvegia|Noruega|Noorwegen|Norwegia|Norsko|Nórsko|Norvégia|Норвегия|Norveška|Norvegija|Norvēģija|Norra|Norveç|Norvec|Норвешка|Norge|Norvegen|Norja|Νορβηγία|Норвегія|Norwy|Norvegjia|Noregur",
        "FI|FIN|Finland|Finnland|Finlande|Finlandia|Finlândia|Finsko|Fínsko|Finnország|Finlanda|Финландия|Финляндия|Finska|Suomija|Somija|Soome|Finlandiya|Финска|Suomi|Φινλανδία|Фінляндія",
        "IS|ISL|Iceland|Island|Islande|Islanda|Islandia|Islândia|IJsland|Islandia|Island|Izland|Islanda|Исландия|Islandija|Islande|İzlanda|Исланд|Ísland|Islanti|Ισλανδία",
        "EE|EST|Estonia|Estland|Estonie|Estónia|Estland|Estonsko|Észtország|Эстония|Естония|Estonija|Igaunija|Eesti|Estonya|Естонија|Viro|Εσθονία|Естонія",
        "LV|LVA|Latvia|Lettland|Lettonie|Lettonia|Letonia|Letónia|Letland|Łotwa|Lotyšsko|Lotyšsko|Lettország|Letonia|Латвия|Latvija|Läti|Letonya|Летонија|Letland|Latvija|Latvia|Λετονία|Латвія",
        "LT|LTU|Lithuania|Litauen|Lituanie|Lituania|Lituânia|Litouwen|Litwa|Litva|Litva|Litvánia|Lituania|Литва|Litva|Lietuva|Lietuva|Leedu|Litvanya|Литванија|Litauen|Liettua|Λιθουανία",
        "PL|POL|Poland|Polen|Pologne|Polonia|Polónia|Polska|Polsko|Poľsko|Lengyelország|Полша|Польша|Poljska|Lenkija|Polija|Poola|Polonya|Пољска|Polen|Puola|Πολωνία|Польща|Polsha|Gwlad Pwyl|Pólland|An Pholainn",
        "CZ|CZE|Czechia|Czech Republic|Tschechien|Tschechische Republik|Tchéquie|République tchèque|Cechia|Repubblica Ceca|Chequia|República Checa|Chéquia|República Checa|Tsjechië|Czechy|Republika Czeska|Česko|Česká republika|ČR|Česká Republika|Čechy|Česko|Česká republika|Csehország|Cseh Köztársaság|Cehia|Republica Cehă|Чехия|Чешка република|Češka|Češka republika|Čekija|Čehija|Tšehhi|Çekya|Çek Cumhuriyeti|Češka|Чешка|Tjekkiet|Tjeckien|Tsjekkia|Tšekki|Τσεχία|Чехія",
        "SK|SVK|Slovakia|Slowakei|Slovaquie|Slovacchia|Eslovaquia|Eslováquia|Slowakije|Słowacja|Slovensko|Slovenská republika|Slovensko|Szlovákia|Slovacia|Словакия|Slovaška|Slovakija|Slovākija|Slovakkia|Slovakya|Slovačka|Словачка|Slovakiet|Slovakien|Slovakia|Σλοβακία|Словаччина",
        "HU|HUN|Hungary|Ungarn|Hongrie|Ungheria|Hungría|Hungria|Hongarije|Węgry|Maďarsko|Maďarsko|Magyarország|Ungaria|Унгария|Венгрия|Madžarska|Vengrija|Ungārija|Ungari|Macaristan|Mađarska|Мађарска|Ungarn|Unkari|Ουγγαρία|Угорщина",
        "RO|ROU|Romania|Rumänien|Roumanie|Rumania|Roménia|Romênia|Roemenië|Rumunia|Rumunsko|Rumunsko|Románia|România|Румъния|Румыния|Romunija|Rumunija|Rumānija|Rumeenia|Romanya|Rumunjska|Румунија|Rumænien|Rumänien|Romania|Ρουμανία|Румунія|Rumaniya",
        "BG|BGR|Bulgaria|Bulgarien|Bulgarie|Bulgaria|Bulgária|Bulgarije|Bułgaria|Bulharsko|Bulharsko|Bulgária|Bulgaria|България|Болгария|Bolgarija|Bulgarija|Bulgārija|Bulgaaria|Bulgaristan|Bugarska|Бугарска|Bulgarien|Bulgaria|Βουλγαρία|Болгарія|Balgariya|Bălgarija|Republic of Bulgaria|Република България|Bullgaria|Búlgaría|Бугарија",
        "GR|GRC|Greece|Griechenland|Grèce|Grecia|Grecia|Grécia|Griekenland|Grecja|Řecko|Grécko|Görögország|Grecia|Гърция|Греция|Grčija|Graikija|Grieķija|Kreeka|Yunanistan|Grčka|Грчка|Grækenland|Grekland|Hellas|Kreikka|Ελλάδα|Ελλάς|Hellas|Греція|Greqia|Gwlad Groeg|Grikkland|Грција|Griicheland",
        "CY|CYP|Cyprus|Zypern|Chypre|Cipro|Chipre|Cypr|Kypr|Cyprus|Ciprus|Cipru|Кипър|Кипр|Ciper|Kipras|Kipra|Küpros|Kıbrıs|Kibris|Kipar|Кипар|Cypern|Kypros|Κύπρος|Кіпр",
        "MT|MLT|Malta|Malte|Мальта|Малта|Málta",
        "TR|TUR|Turkey|Türkiye|Turkiye|Türkei|Tuerkei|Turquie|Turchia|Turquía|Turquia|Turkije|Turcja|Turecko|Turecko|Törökország|Turcia|Турция|Turčija|Turkija|Turcija|Türgi|Turska|Турска|Tyrkiet|Turkiet|Tyrkia|Turkki|Τουρκία|Туреччина",
        "HR|HRV|Croatia|Kroatien|Croatie|Croazia|Croacia|Croácia|Kroatië|Chorwacja|Chorvatsko|Chorvátsko|Horvátország|Croația|Croatia|Хърватия|Хорватия|Hrvaška|Kroatija|Horvātija|Horvaatia|Hırvatistan|Hrvatska|Хрватска|Kroatien|Kroatia|Kroatia|Κροατία|Хорватія",
        "SI|SVN|Slovenia|Slowenien|Slovénie|Eslovenia|Eslovénia|Slovenië|Słowenia|Slovinsko|Slovinsko|Szlovénia|Slovenia|Словения|Slovenija|Slovēnija|Sloveenia|Slovenya|Словенија|Slovenien|Slovenia|Σλοβενία|Словенія",
        "RS|SRB|Serbia|Serbien|Serbie|Serbia|Sérvia|Servië|Serbia|Srbsko|Srbsko|Szerbia|Serbia|Сърбия|Сербия|Srbija|Serbija|Serbija|Serbia|Sırbistan|Србија|Serbien|Serbia|Σερβία|Сербія|Serbía",
        "BA|BIH|Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina|Bosnien und Herzegowina|Bosnien-Herzegowina|Bosnie-Herzégovine|Bosnia ed Erzegovina|Bosnia y Herzegovina|Bósnia e Herzegovina|Bosnië en Herzegovina|Bośnia i Hercegowina|Bosna a Hercegovina|Bosna a Hercegovina|Bosznia-Hercegovina|Bosnia și Herțegovina|Босна и Херцеговина|Босния и Герцеговина|Bosna in Hercegovina|Bosnija ir Hercegovina|Bosnija un Hercegovina|Bosnia ja Hertsegoviina|Bosna-Hersek|Bosna i Hercegovina|Босна и Херцеговина|Bosnien-Hercegovina|Bosnien och Hercegovina|Bosnia-Hertsegovina|Βοσνία-Ερζεγοβίνη|Боснія і Герцеговина",
        "ME|MNE|Montenegro|Monténégro|Czarnogóra|Černá Hora|Čierna Hora|Montenegró|Muntenegru|Черна гора|Черногория|Črna gora|Juodkalnija|Melnkalne|Karadağ|Crna Gora|Црна Гора|Μαυροβούνιο|Чорногорія|Mali i Zi",
        "MK|MKD|North Macedonia|Macedonia|Nordmazedonien|Mazedonien|Macédoine du Nord|Macédoine|Macedonia del Nord|Macedonia del Norte|Macedónia do Norte|Noord-Macedonië|Macedonia Północna|Severní Makedonie|Makedonie|Severné Macedónsko|Macedónsko|Észak-Macedónia|Macedónia|Macedonia de Nord|Северна Македония|Македония|Северная Македония|Severna Makedonija|Makedonija|Šiaurės Makedonija|Ziemeļmaķedonija|Põhja-Makedoonia|Kuzey Makedonya|Makedonya|Sjeverna Makedonija|Северна Македонија|Македонија|Nordmakedonien|Nord-Makedonia|Pohjois-Makedonia|Βόρεια Μακεδονία|Північна Македонія|Maqedonia e Veriut|Maqedonia|Makedonia",
        "AL|ALB|Albania|Albanien|Albanie|Albânia|Albanië|Albania|Albánie|Albánsko|Albánia|Албания|Albanija|Albānija|Albaania|Arnavutluk|Албанија|Albanien|Shqipëria|Shqiperia|Αλβανία|Албанія",
        "XK|XKX|Kosovo|Kosova|Kosowo|Koszovó|Косово|Kosovas|Kosova|Κοσσυφοπέδιο",
        "UA|UKR|Ukraine|Ucraina|Ucrania|Ucrânia|Oekraïne|Ukraina|Ukrajina|Ukrajina|Ukrajna|Ucraina|Украйна|Украина|Україна|Ukrajina|Ukraina|Ukraina|Ukrayna|Украјина|Ukraine|Ukraina|Ουκρανία",
        "BY|BLR|Belarus|Weißrussland|Weissrussland|Belarus|Biélorussie|Bielorussia|Bielorrusia|Bielorrússia|Wit-Rusland|Białoruś|Bělorusko|Bielorusko|Fehéroroszország|Belarus|Беларус|Беларусь|Белоруссия|Беларусь|Belorusija|Baltarusija|Baltkrievija|Valgevene|Belarus|Bjelorusija|Белорусија|Hviderusland|Vitryssland|Hviterussland|Valko-Venäjä|Λευκορωσία|Білорусь",
        "MD|MDA|Moldova|Moldawien|Moldavie|Moldavia|Moldávia|Moldavië|Mołdawia|Moldavsko|Moldavsko|Moldova|Republica Moldova|Молдова|Молдавия|Moldavija|Moldova|Moldavija|Moldāvija|Moldova|Moldavija|Молдавија|Moldavien|Moldavia|Μολδαβία",
        "RU|RUS|Russia|Russian Federation|Russland|Russie|Russia|Rusia|Rússia|Rusland|Rosja|Rusko|Rusko|Oroszország|Rusia|Русия|Россия|Rusija|Rusija|Krievija|Venemaa|Rusya|Русија|Rusland|Ryssland|Russland|Venäjä|Ρωσία|Росія",
        "AD|AND|Andorra|Andorre|Андора|Андорра",
        "MC|MCO|Monaco|Mónaco|Монако",
        "SM|SMR|San Marino|Saint-Marin|Сан Марино|Сан-Марино",
        "LI|LIE|Liechtenstein|Lichtenštejnsko|Lichtenštajnsko|Lihtenštajn|Лихтенщайн|Лихтенштейн",
        "VA|VAT|Vatican City|Vatican|Vatikan|Vaticano|Watykan|Vatikán|Ватикан",
        "GE|GEO|Georgia|Georgien|Géorgie|Gruzja|Gruzie|Grúzia|Грузия|Gürcistan|Gruzija|Грузија|Sakartvelo",
        "AM|ARM|Armenia|Armenien|Arménie|Armenië|Arménie|Arménsko|Örményország|Армения|Ermenistan|Jermenija|Јерменија",
        "AZ|AZE|Azerbaijan|Aserbaidschan|Azerbaïdjan|Azerbaigian|Azerbaiyán|Azerbejdżan|Ázerbájdžán|Azerbajdžan|Azerbajdzsán|Azerbaidjan|Азербайджан|Azerbaycan|Azerbejdžan|Азербејџан",
        "KZ|KAZ|Kazakhstan|Kasachstan|Kazakhstan|Kazachstan|Kazachstán|Kazahsztán|Kazahstan|Казахстан|Kazakistan|Kazahstan|Казахстан",
        "US|USA|United States|United States of America|U.S.A.|America|Vereinigte Staaten|Vereinigte Staaten von Amerika|États-Unis|Etats-Unis|Stati Uniti|Estados Unidos|Verenigde Staten|Stany Zjednoczone|Spojené státy|Spojené štáty|Egyesült Államok|Statele Unite|САЩ|США|Združene države|Jungtinės Valstijos|Amerikas Savienotās Valstis|Ameerika Ühendriigid|Amerika Birleşik Devletleri|ABD|Sjedinjene Američke Države|Sjedinjene Države|Сједињене Америчке Државе|USA|Förenta staterna|Yhdysvallat|Ηνωμένες Πολιτείες|Сполучені Штати",
        "CA|CAN|Canada|Kanada|Canadá|Канада",
        "MX|MEX|Mexico|Mexiko|Mexique|Messico|México|Mexico|Meksyk|Mexikó|Mexic|Мексико|Мексика|Meksika|Meksiko|Мексико",
        "BR|BRA|Brazil|Brasilien|Brésil|Brasile|Brasil|Brazilië|Brazylia|Brazílie|Brazília|Brazilia|Бразилия|Brezilya|Brazil|Brazilija|Бразил",
        "AR|ARG|Argentina|Argentinien|Argentine|Argentinië|Argentyna|Argentína|Argentinie|Аржентина|Аргентина|Arjantin",
        "CN|CHN|China|People's Republic of China|PRC|Volksrepublik China|Chine|Cina|Chiny|Čína|Kína|Китай|Kitajska|Kinija|Ķīna|Hiina|Çin|Kina|Кина|Kiina|Κίνα",
        "JP|JPN|Japan|Japon|Giappone|Japón|Japão|Japonia|Japonsko|Japán|Япония|Japonska|Japonija|Japāna|Jaapan|Japonya|Japan|Јапан|Japani|Ιαπωνία",
        "KR|KOR|South Korea|Korea|Republic of Korea|Südkorea|Corée du Sud|Corea del Sud|Corea del Sur|Coreia do Sul|Zuid-Korea|Korea Południowa|Jižní Korea|Južná Kórea|Dél-Korea|Coreea de Sud|Южна Корея|Южная Корея|Güney Kore|Južna Koreja|Јужна Кореја|Sydkorea|Etelä-Korea",
        "IN|IND|India|Indien|Inde|Indie|Indie|India|Индия|Indija|Hindistan|Indija|Индија|Intia",
        "TW|TWN|Taiwan|Tajwan|Tchaj-wan|Tajvan|Тайван|Tayvan",
        "HK|HKG|Hong Kong|Hongkong|Хонконг",
        "VN|VNM|Vietnam|Viet Nam|Viêt Nam|Wietnam|Vietnám|Виетнам|Вьетнам|Vijetnam",
        "TH|THA|Thailand|Thaïlande|Tailandia|Tajlandia|Thajsko|Thaiföld|Тайланд|Таиланд|Tayland",
        "ID|IDN|Indonesia|Indonesien|Indonésie|Indonezja|Indonésie|Indonézia|Индонезия|Endonezya",
        "MY|MYS|Malaysia|Malaisie|Malesia|Malasia|Malezja|Malajsie|Malajzia|Малайзия|Malezya",
        "SG|SGP|Singapore|Singapur|Singapour|Singapura|Сингапур",
        "AU|AUS|Australia|Australien|Australie|Austrália|Australië|Austrálie|Ausztrália|Австралия|Avustralya|Avstralija|Australija",
        "NZ|NZL|New Zealand|Neuseeland|Nouvelle-Zélande|Nuova Zelanda|Nueva Zelanda|Nowa Zelandia|Nový Zéland|Új-Zéland|Нова Зеландия|Yeni Zelanda",
        "ZA|ZAF|South Africa|Südafrika|Afrique du Sud|Sudafrica|Sudáfrica|África do Sul|Zuid-Afrika|Republika Południowej Afryki|RPA|Jihoafrická republika|Dél-afrikai Köztársaság|Africa de Sud|Южна Африка|Güney Afrika",
        "EG|EGY|Egypt|Ägypten|Aegypten|Égypte|Egitto|Egipto|Egito|Egipt|Egypt|Egyiptom|Egipt|Египет|Mısır|Egipat|Египат",
        "MA|MAR|Morocco|Marokko|Maroc|Marocco|Marruecos|Marrocos|Maroko|Maroko|Marokkó|Maroc|Мароко|Марокко|Maroko",
        "TN|TUN|Tunisia|Tunesien|Tunisie|Túnez|Tunísia|Tunesië|Tunezja|Tunisko|Tunézia|Tunisia|Тунис|Tunus",
        "DZ|DZA|Algeria|Algerien|Algérie|Argelia|Argélia|Algerije|Algieria|Alžírsko|Algéria|Algeria|Алжир|Cezayir|Alžir",
        "LY|LBY|Libya|Libyen|Libye|Libia|Líbia|Libië|Libia|Libye|Líbia|Либия|Ливия|Libya",
        "IL|ISR|Israel|Israël|Israele|Izrael|Izrael|Izrael|Israel|Израел|Израиль|İsrail",
        "LB|LBN|Lebanon|Libanon|Liban|Libano|Líbano|Liban|Libanon|Ливан|Lübnan",
        "SY|SYR|Syria|Syrien|Syrie|Siria|Síria|Syrië|Syria|Sýrie|Szíria|Сирия|Suriye",
        "JO|JOR|Jordan|Jordanien|Jordanie|Giordania|Jordania|Jordânia|Jordanië|Jordánsko|Jordánia|Йордания|Иордания|Ürdün",
        "IQ|IRQ|Iraq|Irak|Irák|Ирак",
        "IR|IRN|Iran|Irán|Írán|Иран",
        "SA|SAU|Saudi Arabia|Saudi-Arabien|Arabie saoudite|Arabia Saudita|Arábia Saudita|Saoedi-Arabië|Arabia Saudyjska|Saúdská Arábie|Szaúd-Arábia|Саудитска Арабия|Саудовская Аравия|Suudi Arabistan",
        "AE|ARE|United Arab Emirates|UAE|Vereinigte Arabische Emirate|Émirats arabes unis|Emirati Arabi Uniti|Emiratos Árabes Unidos|Emirados Árabes Unidos|Verenigde Arabische Emiraten|Zjednoczone Emiraty Arabskie|Spojené arabské emiráty|Egyesült Arab Emírségek|Emiratele Arabe Unite|Обединени арабски емирства|ОАЭ|Birleşik Arap Emirlikleri",
        "QA|QAT|Qatar|Katar|Катар",
        "UZ|UZB|Uzbekistan|Usbekistan|Ouzbékistan|Uzbekistán|Узбекистан|Özbekistan",
        "TM|TKM|Turkmenistan|Turkménistan|Туркменистан|Türkmenistan",
        "KG|KGZ|Kyrgyzstan|Kirgisistan|Kirghizistan|Kirgistan|Киргизстан|Киргизия|Kırgızistan",
        "TJ|TJK|Tajikistan|Tadschikistan|Tadjikistan|Tadżykistan|Таджикистан|Tacikistan",
        "MN|MNG|Mongolia|Mongolei|Mongolie|Mongolsko|Mongólia|Монголия|Moğolistan",
        "PK|PAK|Pakistan|Pakistán|Пакистан",
        "AF|AFG|Afghanistan|Afganistan|Afghánistán|Афганистан",
        "NG|NGA|Nigeria|Nigéria|Нигерия|Nijerya",
        "KE|KEN|Kenya|Kenia|Keňa|Кения",
        "CL|CHL|Chile|Chili|Cile|Chili|Чили|Şili",
        "CO|COL|Colombia|Kolumbien|Colombie|Kolumbia|Kolumbie|Колумбия|Kolombiya",
        "PE|PER|Peru|Pérou|Perù|Perú|Перу",
        "PH|PHL|Philippines|Philippinen|Filippine|Filipinas|Filipiny|Filipíny|Fülöp-szigetek|Филипини|Filipinler",
        "BD|BGD|Bangladesh|Bangladesch|Bangladesz|Bangladéš|Бангладеш|Bangladeş",
        "LK|LKA|Sri Lanka|Шри Ланка",
    ];

    /// <summary>
    /// Two- and three-letter codes that are also common words in the languages of freight mail
    /// ("de", "it", "at", "be", "es", "al", "fin", "est", "and", "aus"...). <see cref="CountryNames.TryResolve"/>
    /// does not read these as codes; <see cref="CountryNames.TryResolveCode"/> does.
    /// </summary>
    public static readonly HashSet<string> CodesThatAreWords = new(StringComparer.Ordinal)
    {
        "ad", "al", "am", "as", "at", "be", "by", "ca", "de", "do", "es", "fi", "id", "ie", "il", "in", "is",
        "it", "la", "li", "ma", "me", "my", "no", "pe", "sa", "se", "si", "so", "to", "us", "co", "ke", "ar",
        "and", "arm", "aus", "bel", "bra", "can", "che", "est", "fin", "fra", "hun", "ind", "lie", "lux",
        "mar", "nor", "per", "pol", "sau", "tun", "tur", "arg", "alb", "geo", "are", "mda", "col", "ken",
    };

    /// <summary>International vehicle registration codes (the oval sticker) → ISO alpha-2.</summary>
    public static readonly Dictionary<string, string> VehicleCodes = new(StringComparer.Ordinal)
    {
        ["A"] = "AT", ["AL"] = "AL", ["AND"] = "AD", ["AM"] = "AM", ["AZ"] = "AZ", ["B"] = "BE", ["BG"] = "BG",
        ["BIH"] = "BA", ["BY"] = "BY", ["CH"] = "CH", ["CY"] = "CY", ["CZ"] = "CZ", ["D"] = "DE", ["DK"] = "DK",
        ["DZ"] = "DZ", ["E"] = "ES", ["EST"] = "EE", ["F"] = "FR", ["FIN"] = "FI", ["FL"] = "LI", ["GB"] = "GB",
        ["UK"] = "GB", ["GBZ"] = "GI", ["GE"] = "GE", ["GR"] = "GR", ["H"] = "HU", ["HR"] = "HR", ["I"] = "IT",
        ["IL"] = "IL", ["IR"] = "IR", ["IRL"] = "IE", ["IRQ"] = "IQ", ["IS"] = "IS", ["KZ"] = "KZ", ["L"] = "LU",
        ["LT"] = "LT", ["LV"] = "LV", ["M"] = "MT", ["MA"] = "MA", ["MC"] = "MC", ["MD"] = "MD", ["MK"] = "MK",
        ["NMK"] = "MK", ["MNE"] = "ME", ["N"] = "NO", ["NL"] = "NL", ["P"] = "PT", ["PL"] = "PL", ["RKS"] = "XK",
        ["RL"] = "LB", ["RO"] = "RO", ["RSM"] = "SM", ["RUS"] = "RU", ["S"] = "SE", ["SK"] = "SK", ["SLO"] = "SI",
        ["SRB"] = "RS", ["SYR"] = "SY", ["TN"] = "TN", ["TR"] = "TR", ["UA"] = "UA", ["USA"] = "US", ["V"] = "VA",
    };
}
