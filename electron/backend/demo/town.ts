import type { OutletFields } from '../features/outlets/schema.js';
import type { SettingsInput } from '../features/settings/schema.js';

/** The demo town: Алейск (Алтайский край), as in one of the seed reports. */
export const demoSettings: SettingsInput = {
  organisation: {
    name: 'Администрация города Алейска Алтайского края',
    city: 'Алейск',
    timeZone: 'Asia/Barnaul',
    site: 'https://aleysk.example.ru',
    newspaper: 'Маяк труда',
  },
  staff: [
    { id: 'staff-head', name: 'Соколова Ирина Викторовна', position: 'начальник отдела по связям с общественностью и СМИ', role: 'head' },
    { id: 'staff-spec', name: 'Петров Андрей Сергеевич', position: 'главный специалист отдела', role: 'specialist' },
  ],
};

export const demoOutlets: OutletFields[] = [
  {
    name: 'Газета «Маяк труда»',
    kind: 'newspaper',
    officialPublisher: true,
    address: '658130, Алтайский край, г. Алейск, ул. Победы, 52',
    website: 'https://mayak-truda.example.ru',
    contacts: [
      { name: 'Кузнецова Галина Петровна', position: 'главный редактор', phone: '+7 (38553) 2-15-40', email: 'redaktor@mayak-truda.example.ru' },
      { name: 'Орлова Светлана Николаевна', position: 'ответственный секретарь', phone: '+7 (38553) 2-17-02', email: 'sekretar@mayak-truda.example.ru' },
    ],
    notes: 'Официальное опубликование муниципальных правовых актов. Выходит по средам и пятницам, сдача материалов — за два дня до выхода.',
  },
  {
    name: 'Телекомпания «Алейск-ТВ»',
    kind: 'tv',
    address: 'г. Алейск, ул. Сердюка, 95',
    website: 'https://aleysk-tv.example.ru',
    contacts: [{ name: 'Фролов Дмитрий Игоревич', position: 'директор', phone: '+7 (38553) 2-44-10', email: 'tv@aleysk-tv.example.ru' }],
    notes: 'Новости выходят в 19:00 по будням; съёмочную группу заказывать накануне до 15:00.',
  },
  {
    name: 'Радио «Алейск FM» 101,4',
    kind: 'radio',
    address: 'г. Алейск, ул. Ширшова, 20',
    contacts: [{ name: 'Белова Анна Юрьевна', position: 'ведущая, редактор новостей', phone: '+7 913 210-45-67', email: 'news@aleysk-fm.example.ru' }],
    notes: 'Эфир «Час прямого провода» — первая пятница месяца.',
  },
  {
    name: 'Интернет-издание «Алейск.инфо»',
    kind: 'online',
    website: 'https://aleysk-info.example.ru',
    contacts: [{ name: 'Мельников Олег Владимирович', position: 'редактор', phone: '+7 923 155-01-23', email: 'info@aleysk-info.example.ru' }],
  },
  {
    name: 'Сообщество «Алейск — наш город» ВКонтакте',
    kind: 'social',
    website: 'https://vk.com/aleysk_nash_gorod',
    contacts: [{ name: 'Администратор сообщества', phone: '', email: 'admin@aleysk-nash.example.ru' }],
    notes: 'Около 14 000 подписчиков. Комментарии жителей — источник вопросов для прямой линии.',
  },
  {
    name: 'Telegram-канал «Алейск онлайн»',
    kind: 'social',
    website: 'https://t.me/aleysk_online',
    contacts: [{ name: 'Гусев Максим', position: 'автор канала', phone: '+7 905 888-12-34', email: '' }],
  },
  {
    name: 'Газета «Алтайская правда»',
    kind: 'newspaper',
    address: '656049, г. Барнаул, ул. Короленко, 105',
    website: 'https://altapress.example.ru',
    contacts: [{ name: 'Сергеева Марина Олеговна', position: 'корреспондент по восточным районам', phone: '+7 (3852) 63-90-12', email: 'sergeeva@altpravda.example.ru' }],
    notes: 'Краевая газета; материалы о национальных проектах.',
  },
  {
    name: 'ГТРК «Алтай»',
    kind: 'tv',
    address: 'г. Барнаул, ул. Шевченко, 164',
    website: 'https://vestialtai.example.ru',
    contacts: [{ name: 'Дьяченко Павел Андреевич', position: 'шеф-редактор', phone: '+7 (3852) 36-72-00', email: 'news@vestialtai.example.ru' }],
  },
  {
    name: 'Телеканал «Катунь 24»',
    kind: 'tv',
    address: 'г. Барнаул, ул. Интернациональная, 72',
    website: 'https://katun24.example.ru',
    contacts: [{ name: 'Лаптева Елена Сергеевна', position: 'выпускающий редактор', phone: '+7 (3852) 50-11-24', email: 'news@katun24.example.ru' }],
  },
  {
    name: 'Радио России — Алтай',
    kind: 'radio',
    address: 'г. Барнаул, ул. Шевченко, 164',
    contacts: [{ name: 'Никитин Сергей Павлович', position: 'редактор', phone: '+7 (3852) 36-72-15', email: '' }],
  },
  {
    name: 'Информационное агентство «Толк»',
    kind: 'online',
    website: 'https://tolknews.example.ru',
    contacts: [{ name: 'Зайцева Ольга', position: 'корреспондент', phone: '+7 960 940-11-22', email: 'zaytseva@tolk.example.ru' }],
  },
  {
    name: 'Газета «Алейская жизнь»',
    kind: 'newspaper',
    address: 'г. Алейск, ул. Комсомольская, 31',
    contacts: [{ name: 'Воронина Татьяна', position: 'редактор', phone: '+7 (38553) 2-30-55', email: '' }],
    notes: 'Выпуск прекращён в 2024 году; оставлено для истории публикаций.',
  },
];
