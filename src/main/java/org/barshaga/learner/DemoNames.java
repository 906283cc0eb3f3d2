package org.barshaga.learner;

import java.util.SplittableRandom;

import org.barshaga.kernel.Sex;

/**
 * The Kazakh and Russian names of the demo's children and mothers, and the patronymics
 * formed from the fathers' names. Apart from {@link DemoLearners} because they are data,
 * not the shape of a record.
 */
final class DemoNames {

	static final String[] KK_SURNAMES = { "Ахметов", "Серіков", "Жұмабаев", "Оспанов", "Нұрланов", "Төлеуов", "Қасымов",
			"Әбілов", "Сейітов", "Бекмұратов", "Ермеков", "Сағындықов", "Мұхаметов", "Исаев", "Байжанов", "Тұрсынов",
			"Әлімов", "Рахымов", "Жақсылықов", "Омаров" };

	static final String[] KK_MALE = { "Нұрсұлтан", "Алихан", "Ерасыл", "Айбек", "Нұрислам", "Әлинұр", "Диас", "Арсен",
			"Ернұр", "Бекзат", "Санжар", "Темірлан", "Мирас", "Абылай", "Ислам" };

	static final String[] KK_FEMALE = { "Айзере", "Аружан", "Томирис", "Інжу", "Медина", "Айша", "Жансая", "Әйгерім",
			"Дана", "Камила", "Аяжан", "Нұрай", "Сабина", "Ақбота", "Амина" };

	static final String[] KK_FATHERS = { "Серік", "Ерлан", "Нұрлан", "Болат", "Қайрат", "Асқар", "Марат", "Бауыржан",
			"Дәурен", "Ержан" };

	static final String[] RU_SURNAMES = { "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов",
			"Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Ким", "Шевченко", "Бондаренко" };

	static final String[] RU_MALE = { "Артём", "Максим", "Александр", "Михаил", "Даниил", "Иван", "Кирилл", "Матвей",
			"Тимофей", "Дмитрий" };

	static final String[] RU_FEMALE = { "София", "Анна", "Мария", "Виктория", "Алиса", "Полина", "Дарья", "Анастасия",
			"Екатерина", "Ксения" };

	static final String[] RU_FATHERS = { "Сергей", "Александр", "Андрей", "Владимир", "Николай", "Олег", "Игорь",
			"Виктор", "Юрий", "Евгений" };

	private DemoNames() {
	}

	static String patronymic(String father, Sex sex, boolean russian) {
		if (russian) {
			String stem = father.endsWith("й") ? father.substring(0, father.length() - 1) + "е" : father + "о";
			return stem + (sex == Sex.MALE ? "вич" : "вна");
		}
		return father + (sex == Sex.MALE ? "ұлы" : "қызы");
	}

	static String pick(String[] values, SplittableRandom random) {
		return values[random.nextInt(values.length)];
	}

}
