"""Demo guides to the state e-services the help desks see most (DOMAIN-FACTS §3).

Every fact here comes from the shared domain facts: nothing is added that they do not
say (no fees, no menu names, no addresses they do not give). Loaded once per address:
a guide the national office edited is left as it is.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from bilim.guides.selectors import months_before
from bilim.guides.services import GuideFields, guide_ensure
from bilim.helpdesk.models import ServiceCategory
from bilim.helpdesk.reference import categories_ensure


@dataclass(frozen=True)
class DemoGuide:
    slug: str
    category: str
    titles: dict[str, str]
    summaries: dict[str, str]
    bodies: dict[str, str]
    documents: dict[str, str]
    official_url: str = ""
    # How many months ago the steps were checked: one guide is due for a new check.
    checked_months_ago: int = 0


GUIDES = [
    DemoGuide(
        slug="cloud-e-signature",
        category="e-signature",
        official_url="https://esia.tunduk.kg/",
        titles={
            "ky": "Булуттагы электрондук кол тамганы алуу",
            "ru": "Получить облачную электронную подпись",
            "en": "Get a cloud e-signature",
        },
        summaries={
            "ky": "Булуттагы электрондук кол тамга менен мамлекеттик порталга кирип, "
            "документтерге кол коё аласыз. Ал акысыз берилет жана бир жылга жарактуу.",
            "ru": "С облачной электронной подписью можно входить на государственный портал "
            "и подписывать документы. Её выдают бесплатно, она действует один год.",
            "en": "With a cloud e-signature you can sign in to the state portal and sign "
            "documents. It is free and valid for one year.",
        },
        documents={
            "ky": "Паспорт (ID-карта)",
            "ru": "Паспорт (ID-карта)",
            "en": "Passport (ID card)",
        },
        bodies={
            "ky": (
                "Кол тамганы 18 жашка толгон жарандар алат. Кызмат акысыз.\n"
                "\n"
                "1. Паспортуңузду алып, кол тамга берилүүчү жерлердин бирине барыңыз: "
                "жарандык жана санариптик билим берүү борбору, ЦОН (калкты тейлөө борбору),"
                " бизнести тейлөө борбору же жергиликтүү администрация. Чет өлкөдө "
                "жүрсөңүз, Кыргыз Республикасынын элчилигине кайрылыңыз.\n"
                "2. Кызматкерге булуттагы электрондук кол тамга алгыңыз келерин айтыңыз.\n"
                "3. Кызматкер паспортуңузду текшерип, кол тамганы берет.\n"
                "4. Кол тамга менен мамлекеттик порталга (https://portal.tunduk.kg) "
                "Бирдиктүү идентификация системасы (ЕСИ) аркылуу кире аласыз.\n"
                "5. Кол тамга бир жылга жарактуу. Мөөнөтү бүтө электе аны кантип узартууну "
                "жардам пунктунан сураңыз."
            ),
            "ru": (
                "Подпись выдают совершеннолетним гражданам. Услуга бесплатная.\n"
                "\n"
                "1. Возьмите паспорт и придите в одно из мест выдачи: центр гражданского и "
                "цифрового образования, ЦОН (центр обслуживания населения), центр "
                "обслуживания бизнеса или местную администрацию. За границей обратитесь в "
                "посольство Кыргызской Республики.\n"
                "2. Скажите сотруднику, что хотите получить облачную электронную подпись.\n"
                "3. Сотрудник проверит паспорт и выдаст подпись.\n"
                "4. С подписью можно входить на государственный портал "
                "(https://portal.tunduk.kg) через Единую систему идентификации (ЕСИ).\n"
                "5. Подпись действует один год. Как продлить её до окончания срока, "
                "спросите в пункте помощи."
            ),
            "en": (
                "The signature is issued to adult citizens. The service is free.\n"
                "\n"
                "1. Take your passport to one of the places that issue it: a Civic and "
                "Digital Education Center, a public service center (ЦОН), a business "
                "service center or the local administration. Abroad, go to an embassy of "
                "the Kyrgyz Republic.\n"
                "2. Tell the staff member that you want a cloud e-signature.\n"
                "3. The staff member checks your passport and issues the signature.\n"
                "4. With the signature you can sign in to the state portal "
                "(https://portal.tunduk.kg) through the Unified Identification System "
                "(ЕСИ).\n"
                "5. The signature is valid for one year. Ask at the help desk how to renew "
                "it before it ends."
            ),
        },
    ),
    DemoGuide(
        slug="state-portal-sign-in",
        category="portal-account",
        official_url="https://portal.tunduk.kg/",
        titles={
            "ky": "Мамлекеттик порталга кирүү",
            "ru": "Вход на государственный портал",
            "en": "Sign in to the state portal",
        },
        summaries={
            "ky": "Мамлекеттик санариптик кызматтардын порталына ID-карта же булуттагы "
            "электрондук кол тамга менен кирсеңиз болот.",
            "ru": "На портал государственных цифровых услуг можно войти с ID-картой "
            "или облачной электронной подписью.",
            "en": "You can sign in to the state e-services portal with your ID card or a "
            "cloud e-signature.",
        },
        documents={
            "ky": "ID-карта (2017-жылдагы үлгүдөгү, чиби бар) жана анын PIN-коду\n"
            "же булуттагы электрондук кол тамга",
            "ru": "ID-карта образца 2017 года (с чипом) и её PIN-код\n"
            "или облачная электронная подпись",
            "en": "ID card (2017 model, with a chip) and its PIN code\nor a cloud e-signature",
        },
        bodies={
            "ky": (
                "Порталга Бирдиктүү идентификация системасы (ЕСИ) аркылуу эки жол менен "
                "кирүүгө болот: булуттагы электрондук кол тамга же ID-карта менен.\n"
                "\n"
                "1. Браузерде https://portal.tunduk.kg дарегин ачып, кирүүнү тандаңыз. "
                "ЕСИнин барагы (https://esia.tunduk.kg) ачылат.\n"
                "2. Булуттагы электрондук кол тамгаңыз болсо, аны тандап, экрандагы "
                "көрсөтмөлөрдү аткарыңыз.\n"
                "3. ID-карта менен кирүү үчүн компьютерге карта окугуч туташтырылып, "
                "CryptoSocket жана TumarCSP программалары орнотулган болушу керек.\n"
                "4. Картаны окугучка салып, картанын 4 сандан турган PIN-кодун териңиз.\n"
                "5. Кол тамгаңыз жок болсо же PIN-код туура келбесе, жардам пунктуна "
                "кайрылыңыз."
            ),
            "ru": (
                "На портал входят через Единую систему идентификации (ЕСИ) одним из двух "
                "способов: облачной электронной подписью или ID-картой.\n"
                "\n"
                "1. Откройте в браузере https://portal.tunduk.kg и выберите вход. Откроется"
                " страница ЕСИ (https://esia.tunduk.kg).\n"
                "2. Если у вас есть облачная электронная подпись, выберите её и следуйте "
                "подсказкам на экране.\n"
                "3. Для входа с ID-картой к компьютеру должен быть подключён считыватель "
                "карт и установлены программы CryptoSocket и TumarCSP.\n"
                "4. Вставьте карту в считыватель и введите 4-значный PIN-код карты.\n"
                "5. Если подписи нет или PIN-код не подходит, обратитесь в пункт помощи."
            ),
            "en": (
                "You sign in to the portal through the Unified Identification System (ЕСИ) "
                "in one of two ways: with a cloud e-signature or with your ID card.\n"
                "\n"
                "1. Open https://portal.tunduk.kg in the browser and choose to sign in. The"
                " ЕСИ page (https://esia.tunduk.kg) opens.\n"
                "2. If you have a cloud e-signature, choose it and follow the instructions "
                "on the screen.\n"
                "3. To sign in with the ID card, the computer needs a card reader and the "
                "CryptoSocket and TumarCSP programs.\n"
                "4. Put the card in the reader and type the card's 4-digit PIN code.\n"
                "5. If you have no signature or the PIN code does not work, ask at the help"
                " desk."
            ),
        },
    ),
    DemoGuide(
        slug="criminal-record-certificate",
        category="criminal-record",
        titles={
            "ky": "Соттолбогондугу тууралуу маалымкатты онлайн алуу",
            "ru": "Справка о несудимости онлайн",
            "en": "Criminal-record certificate online",
        },
        summaries={
            "ky": "Маалымкатты мамлекеттик порталдан же «Түндүк» тиркемесинен акысыз "
            "алсаңыз болот: ал 7 күндүн ичинде даяр болот.",
            "ru": "Справку можно бесплатно получить на государственном портале или в "
            "приложении «Түндүк»: она будет готова в течение 7 дней.",
            "en": "You can get the certificate free of charge on the state portal or in the "
            "Tunduk app: it is ready within 7 days.",
        },
        documents={
            "ky": "ID-карта жана анын PIN-коду же булуттагы электрондук кол тамга",
            "ru": "ID-карта и её PIN-код или облачная электронная подпись",
            "en": "ID card and its PIN code, or a cloud e-signature",
        },
        bodies={
            "ky": (
                "1. Мамлекеттик порталга (https://portal.tunduk.kg) же «Түндүк» тиркемесине"
                " кириңиз.\n"
                "2. «Соттолбогондугу тууралуу маалымкат» кызматын табыңыз.\n"
                "3. Акысыз түрүн тандаңыз: маалымкат 7 күндүн ичинде даяр болот. Шашылыш "
                "керек болсо, 3 саатта даяр болуучу акылуу түрү да бар.\n"
                "4. Арызды жөнөтүп, маалымкат даяр болгондо аны жүктөп алыңыз.\n"
                "\n"
                "Портал же «Түндүк» тиркемеси аркылуу алынган электрондук документ кол "
                "коюлуп, мөөр басылган кагаз документ менен бирдей юридикалык күчкө ээ."
            ),
            "ru": (
                "1. Войдите на государственный портал (https://portal.tunduk.kg) или в "
                "приложение «Түндүк».\n"
                "2. Найдите услугу «Справка о несудимости».\n"
                "3. Выберите бесплатный вариант: справка будет готова в течение 7 дней. "
                "Если она нужна срочно, есть платный вариант, готовый за 3 часа.\n"
                "4. Отправьте заявление и скачайте справку, когда она будет готова.\n"
                "\n"
                "Электронный документ, полученный через портал или приложение «Түндүк», "
                "имеет ту же юридическую силу, что и бумажный документ с подписью и "
                "печатью."
            ),
            "en": (
                "1. Sign in to the state portal (https://portal.tunduk.kg) or the Tunduk "
                "app.\n"
                "2. Find the criminal-record certificate service.\n"
                "3. Choose the free option: the certificate is ready within 7 days. If you "
                "need it urgently, a paid option is ready in 3 hours.\n"
                "4. Send the application and download the certificate when it is ready.\n"
                "\n"
                "An electronic document from the portal or the Tunduk app has the same "
                "legal force as a paper document with a signature and a seal."
            ),
        },
    ),
    DemoGuide(
        slug="id-card-exchange",
        category="id-card",
        titles={
            "ky": "ID-картаны «Түндүк» тиркемеси аркылуу алмаштыруу",
            "ru": "Замена ID-карты через приложение «Түндүк»",
            "en": "Exchange your ID card in the Tunduk app",
        },
        summaries={
            "ky": "2017–2024-жылдары берилген чиби бар ID-картаны «Түндүк» тиркемеси аркылуу "
            "алмаштырсаңыз болот.",
            "ru": "ID-карту с чипом, выданную в 2017–2024 годах, можно заменить через "
            "приложение «Түндүк».",
            "en": "An ID card with a chip issued in 2017–2024 can be exchanged in the Tunduk app.",
        },
        documents={
            "ky": "Азыркы ID-картаңыз",
            "ru": "Ваша нынешняя ID-карта",
            "en": "Your current ID card",
        },
        bodies={
            "ky": (
                "Бул кызмат 2024-жылдын 15-ноябрынан бери иштейт.\n"
                "\n"
                "1. ID-картаңызды текшериңиз: кызмат 2017–2024-жылдары берилген, чиби бар "
                "карталар үчүн.\n"
                "2. Телефонуңузга «Түндүк» тиркемесин орнотуп, ага кириңиз.\n"
                "3. Тиркемеден ID-картаны алмаштыруу кызматын таап, экрандагы кадамдарды "
                "аткарыңыз.\n"
                "4. Бир нерсе түшүнүксүз болсо, жакынкы борбордун жардам пунктуна келиңиз: "
                "кызматкерлер Сиз менен бирге жасашат."
            ),
            "ru": (
                "Услуга работает с 15 ноября 2024 года.\n"
                "\n"
                "1. Проверьте ID-карту: услуга предназначена для карт с чипом, выданных в "
                "2017–2024 годах.\n"
                "2. Установите на телефон приложение «Түндүк» и войдите в него.\n"
                "3. Найдите в приложении услугу замены ID-карты и выполните шаги на экране."
                "\n"
                "4. Если что-то непонятно, приходите в пункт помощи ближайшего центра: "
                "сотрудники сделают это вместе с вами."
            ),
            "en": (
                "The service has been open since 15 November 2024.\n"
                "\n"
                "1. Check your ID card: the service is for cards with a chip issued in "
                "2017–2024.\n"
                "2. Install the Tunduk app on your phone and sign in to it.\n"
                "3. Find the ID card exchange service in the app and follow the steps on "
                "the screen.\n"
                "4. If something is unclear, come to the help desk of the nearest center: "
                "the staff will do it with you."
            ),
        },
    ),
    DemoGuide(
        slug="travel-passport-exchange",
        category="travel-passport",
        checked_months_ago=7,
        titles={
            "ky": "Чет өлкөгө чыгуучу паспортту тиркеме аркылуу алмаштыруу",
            "ru": "Замена заграничного паспорта через приложение",
            "en": "Exchange your foreign-travel passport in the app",
        },
        summaries={
            "ky": "2020-жылдагы үлгүдөгү чет өлкөгө чыгуучу паспортту «Түндүк» тиркемеси "
            "аркылуу алмаштырсаңыз болот. Жаңы паспорт 18 жумуш күнүндө даяр болот.",
            "ru": "Заграничный паспорт образца 2020 года можно заменить через приложение "
            "«Түндүк». Новый паспорт готовят 18 рабочих дней.",
            "en": "A foreign-travel passport of the 2020 model can be exchanged in the Tunduk "
            "app. The new passport takes 18 working days.",
        },
        documents={
            "ky": "Азыркы чет өлкөгө чыгуучу паспортуңуз",
            "ru": "Ваш нынешний заграничный паспорт",
            "en": "Your current foreign-travel passport",
        },
        bodies={
            "ky": (
                "1. Кызмат 2020-жылдагы үлгүдөгү чет өлкөгө чыгуучу паспортту алмаштыруу "
                "үчүн.\n"
                "2. «Түндүк» тиркемесине кирип, чет өлкөгө чыгуучу паспорт кызматын "
                "табыңыз.\n"
                "3. Сүрөтүңүздү тиркеме аркылуу жүктөп берсеңиз болот.\n"
                "4. Арызды жөнөтүңүз: паспорт 18 жумуш күнүндө даярдалат."
            ),
            "ru": (
                "1. Услуга предназначена для замены заграничного паспорта образца 2020 "
                "года.\n"
                "2. Войдите в приложение «Түндүк» и найдите услугу заграничного паспорта.\n"
                "3. Фотографию можно загрузить в приложении.\n"
                "4. Отправьте заявление: паспорт изготовят за 18 рабочих дней."
            ),
            "en": (
                "1. The service is for exchanging a foreign-travel passport of the 2020 "
                "model.\n"
                "2. Sign in to the Tunduk app and find the foreign-travel passport service."
                "\n"
                "3. You can upload your photo in the app.\n"
                "4. Send the application: the passport is made in 18 working days."
            ),
        },
    ),
    DemoGuide(
        slug="social-fund-account",
        category="social-fund",
        official_url="https://lk.sf.kg/",
        titles={
            "ky": "Социалдык фонддун жеке кабинетине кирүү",
            "ru": "Вход в личный кабинет Социального фонда",
            "en": "Sign in to your Social Fund account",
        },
        summaries={
            "ky": "Социалдык фонддун жеке кабинетине мамлекеттик порталдагыдай эле ЕСИ "
            "аркылуу киресиз.",
            "ru": "В личный кабинет Социального фонда входят через ЕСИ, так же как на "
            "государственный портал.",
            "en": "You sign in to the Social Fund's personal account through ЕСИ, as on the "
            "state portal.",
        },
        documents={
            "ky": "ID-карта жана анын PIN-коду же булуттагы электрондук кол тамга",
            "ru": "ID-карта и её PIN-код или облачная электронная подпись",
            "en": "ID card and its PIN code, or a cloud e-signature",
        },
        bodies={
            "ky": (
                "1. Браузерде https://lk.sf.kg дарегин ачыңыз.\n"
                "2. Бирдиктүү идентификация системасы (ЕСИ) аркылуу кирүүнү тандаңыз.\n"
                "3. ID-карта жана анын PIN-коду же булуттагы электрондук кол тамга менен "
                "кириңиз.\n"
                "4. Жеке кабинетте Социалдык фонддогу маалыматтарыңызды көрөсүз."
            ),
            "ru": (
                "1. Откройте в браузере https://lk.sf.kg.\n"
                "2. Выберите вход через Единую систему идентификации (ЕСИ).\n"
                "3. Войдите с ID-картой и её PIN-кодом или с облачной электронной подписью."
                "\n"
                "4. В личном кабинете вы увидите свои сведения в Социальном фонде."
            ),
            "en": (
                "1. Open https://lk.sf.kg in the browser.\n"
                "2. Choose to sign in through the Unified Identification System (ЕСИ).\n"
                "3. Sign in with your ID card and its PIN code, or with a cloud "
                "e-signature.\n"
                "4. Your personal account shows your Social Fund records."
            ),
        },
    ),
    DemoGuide(
        slug="service-center-queue-119",
        category="service-center",
        official_url="https://digital.gov.kg/en/question-answer/",
        titles={
            "ky": "ЦОНго кезек жана 119 телефону",
            "ru": "Очередь в ЦОН и линия 119",
            "en": "Public service center queue and the 119 hotline",
        },
        summaries={
            "ky": "ЦОНдун иштөө убактысы, Бишкек менен Ошто кезекке жазылуу жана суроо "
            "менен кайда чалуу керектиги.",
            "ru": "Часы работы ЦОН, запись в очередь в Бишкеке и Оше и куда звонить с вопросами.",
            "en": "Opening hours of public service centers, booking a time in Bishkek and "
            "Osh, and where to call with a question.",
        },
        documents={},
        bodies={
            "ky": (
                "1. ЦОН (калкты тейлөө борбору) дүйшөмбүдөн жумага чейин 9:00дөн 18:00гө "
                "чейин иштейт, түшкү тыныгуу 12:30–13:30.\n"
                "2. Бишкекте жана Ошто ЦОНго кезекке Earlyone тиркемеси аркылуу алдын ала "
                "жазылсаңыз болот.\n"
                "3. Бишкектеги соода борборлорунда мини-ЦОНдор бар: алар шейшембиден "
                "жекшембиге чейин иштейт.\n"
                "4. Суроолоруңуз болсо, 119 телефонуна чалыңыз: бардык мобилдик "
                "операторлордон чалуу акысыз."
            ),
            "ru": (
                "1. ЦОН (центр обслуживания населения) работает с понедельника по пятницу с"
                " 9:00 до 18:00, обед с 12:30 до 13:30.\n"
                "2. В Бишкеке и Оше можно заранее записаться в очередь в ЦОН через "
                "приложение Earlyone.\n"
                "3. В торговых центрах Бишкека есть мини-ЦОНы: они работают со вторника по "
                "воскресенье.\n"
                "4. Если есть вопросы, позвоните на линию 119: звонок бесплатный со всех "
                "мобильных операторов."
            ),
            "en": (
                "1. Public service centers (ЦОН) are open Monday to Friday, 9:00 to 18:00, "
                "with a lunch break from 12:30 to 13:30.\n"
                "2. In Bishkek and Osh you can book a time in advance in the Earlyone app.\n"
                "3. Shopping centers in Bishkek have mini service centers, open Tuesday to "
                "Sunday.\n"
                "4. If you have a question, call 119: the call is free from every mobile "
                "operator."
            ),
        },
    ),
]


def load_demo_guides(*, today: datetime.date | None = None) -> None:
    """Create the demo guides that are missing, published; edited ones are kept."""
    today = today or timezone.localdate()
    categories_ensure()
    categories = {c.code: c for c in ServiceCategory.objects.all()}
    for demo in GUIDES:
        guide_ensure(
            slug=demo.slug,
            fields=GuideFields(
                category=categories[demo.category],
                titles=demo.titles,
                summaries=demo.summaries,
                bodies=demo.bodies,
                documents=demo.documents,
                official_url=demo.official_url,
                checked_on=months_before(today, demo.checked_months_ago),
                published=True,
            ),
        )
