/**
 * Given names and family names for the sample users, by cultural group (romanised where the script is not Latin).
 * Common names found in public name-frequency lists; combined at random, so no real person is meant.
 */
export interface NameList {
  given: readonly string[];
  family: readonly string[];
  /** Family name first when displayed (East Asian order). */
  familyFirst?: boolean;
}

const split = (s: string): string[] => s.split(',').map((x) => x.trim());

export const NAMES: Readonly<Record<string, NameList>> = {
  en: {
    given: split('James, Mary, Olivia, Liam, Emma, Noah, Ava, William, Sophia, Benjamin, Charlotte, Lucas, Amelia, Henry, Harper, Jack, Grace, Ethan, Chloe, Daniel, Emily, Samuel, Ella, Oliver, Isla, Thomas, Ruby, Matthew, Hannah, Jacob'),
    family: split('Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Taylor, Anderson, Thomas, Moore, Martin, Thompson, White, Clark, Lewis, Walker, Hall, Young, King, Wright, Green, Baker, Hughes, Evans, Roberts, Campbell, Murphy, Kelly'),
  },
  es: {
    given: split('Sofía, Mateo, Valentina, Santiago, Lucía, Sebastián, Camila, Diego, Isabella, Alejandro, Martina, Nicolás, Daniela, Javier, Paula, Andrés, Carmen, Pablo, Gabriela, Carlos, Elena, Miguel, Ana, Fernando, Mariana'),
    family: split('García, Rodríguez, Martínez, López, González, Hernández, Pérez, Sánchez, Ramírez, Torres, Flores, Rivera, Gómez, Díaz, Morales, Vargas, Castro, Ortiz, Ruiz, Jiménez, Romero, Navarro, Mendoza, Herrera, Silva'),
  },
  pt: {
    given: split('João, Maria, Pedro, Ana, Lucas, Beatriz, Gabriel, Larissa, Rafael, Juliana, Tiago, Inês, Miguel, Mariana, Gustavo, Camila, Bruno, Letícia, Rodrigo, Carolina, Felipe, Fernanda'),
    family: split('Silva, Santos, Oliveira, Souza, Pereira, Costa, Ferreira, Rodrigues, Almeida, Carvalho, Gomes, Martins, Araújo, Ribeiro, Lima, Barbosa, Rocha, Fernandes, Moreira, Nunes, Teixeira'),
  },
  fr: {
    given: split('Camille, Louis, Léa, Hugo, Chloé, Gabriel, Manon, Jules, Inès, Arthur, Zoé, Théo, Élise, Nathan, Juliette, Raphaël, Margaux, Antoine, Clémence, Maxime, Sarah, Baptiste'),
    family: split('Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, Lefèvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, Lambert, Bonnet'),
  },
  de: {
    given: split('Lukas, Anna, Leon, Lena, Felix, Marie, Jonas, Lea, Paul, Hannah, Maximilian, Laura, Elias, Johanna, Niklas, Sophie, Tobias, Katharina, Florian, Julia, Moritz, Clara, Jan, Greta'),
    family: split('Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hofmann, Hartmann'),
  },
  nl: {
    given: split('Daan, Emma, Sem, Julia, Lucas, Tess, Milan, Sophie, Levi, Anna, Finn, Fleur, Bram, Sanne, Thijs, Lotte, Jesse, Noor, Ruben, Eva, Wouter, Femke'),
    family: split('de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, Peeters, Maes'),
  },
  it: {
    given: split('Giulia, Francesco, Sofia, Alessandro, Aurora, Lorenzo, Alice, Matteo, Ginevra, Leonardo, Emma, Andrea, Chiara, Marco, Martina, Riccardo, Federica, Davide, Elisa, Luca, Francesca, Simone'),
    family: split('Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Fontana'),
  },
  nordic: {
    given: split('Erik, Astrid, Lars, Ingrid, Anders, Freja, Nils, Sigrid, Oskar, Elsa, Magnus, Ida, Henrik, Maja, Mikael, Linnea, Johan, Saga, Emil, Karin, Mikko, Aino, Sven, Liv'),
    family: split('Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsen, Hansen, Pedersen, Nielsen, Jensen, Berg, Lindqvist, Lindberg, Dahl, Halvorsen, Virtanen, Korhonen, Mäkinen, Nieminen, Holm, Strand'),
  },
  pl: {
    given: split('Jakub, Zuzanna, Kacper, Julia, Szymon, Maja, Jan, Hanna, Michał, Ola, Piotr, Natalia, Tomasz, Katarzyna, Paweł, Agnieszka, Marek, Magdalena, Ondřej, Tereza, Petr, Lucie'),
    family: split('Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Novák, Svoboda, Dvořák, Černý, Procházka, Kučera'),
  },
  gr: {
    given: split('Giorgos, Maria, Dimitris, Eleni, Nikos, Katerina, Kostas, Sofia, Yannis, Georgia, Panagiotis, Vasiliki, Christos, Despina'),
    family: split('Papadopoulos, Papadakis, Georgiou, Nikolaou, Konstantinou, Dimitriou, Pappas, Vlachos, Angelopoulos, Oikonomou, Makris, Karagiannis'),
  },
  tr: {
    given: split('Mehmet, Zeynep, Mustafa, Elif, Ahmet, Ayşe, Emre, Fatma, Burak, Merve, Can, Selin, Murat, Esra, Kerem, Defne, Oğuz, Büşra'),
    family: split('Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt'),
  },
  slav: {
    given: split('Oleksandr, Olena, Dmytro, Iryna, Andriy, Natalia, Serhiy, Oksana, Mykola, Yulia, Ivan, Kateryna, Taras, Sofiia, Maksym, Anastasia'),
    family: split('Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Oliynyk, Melnyk, Koval, Boyko, Moroz, Lysenko, Marchenko, Savchenko, Rudenko'),
  },
  ro: {
    given: split('Andrei, Ioana, Alexandru, Maria, Mihai, Elena, Ștefan, Andreea, Radu, Cristina, Vlad, Diana, Bogdan, Alina'),
    family: split('Popescu, Ionescu, Popa, Constantin, Dumitru, Stan, Stoica, Gheorghe, Rusu, Munteanu, Matei, Ciobanu, Lungu'),
  },
  he: {
    given: split('Noa, David, Tamar, Yosef, Maya, Itai, Shira, Omer, Yael, Eitan, Michal, Ariel, Noam, Talia, Ido, Hila'),
    family: split('Cohen, Levi, Mizrahi, Peretz, Biton, Dahan, Avraham, Friedman, Katz, Azoulay, Ben-David, Shapiro, Goldberg, Rosen'),
  },
  ar: {
    given: split('Mohammed, Fatima, Ahmed, Aisha, Omar, Mariam, Youssef, Layla, Khalid, Nour, Hassan, Salma, Ali, Huda, Karim, Rania, Tariq, Yasmin, Ibrahim, Amira'),
    family: split('Al-Sayed, Hassan, Ibrahim, Mahmoud, Abdullah, Al-Farsi, Haddad, Khalil, Mansour, Nasser, Saleh, Al-Amin, Bakr, El-Masri, Aziz, Rahman, Benali, Tazi'),
  },
  africa: {
    given: split('Chinedu, Ngozi, Emeka, Amaka, Tunde, Folake, Kwame, Ama, Kofi, Abena, Wanjiru, Otieno, Achieng, Kamau, Thabo, Lerato, Sipho, Nomvula, Themba, Zanele, Musa, Aisha'),
    family: split('Okafor, Adeyemi, Okonkwo, Balogun, Eze, Mensah, Boateng, Asante, Owusu, Mwangi, Otieno, Kariuki, Njoroge, Ochieng, Nkosi, Dlamini, Ndlovu, Mokoena, Khumalo, Naidoo, Botha'),
  },
  in: {
    given: split('Aarav, Priya, Vihaan, Ananya, Arjun, Diya, Rohan, Isha, Aditya, Kavya, Rahul, Sneha, Karthik, Lakshmi, Vikram, Pooja, Sanjay, Meera, Imran, Ayesha, Farhan, Nusrat, Bilal, Sana'),
    family: split('Sharma, Patel, Singh, Kumar, Gupta, Reddy, Iyer, Nair, Rao, Mehta, Joshi, Das, Chatterjee, Banerjee, Menon, Pillai, Khan, Hussain, Qureshi, Ahmed, Chowdhury, Rahman, Malik'),
  },
  zh: {
    given: split('Wei, Fang, Min, Jing, Hao, Li, Yan, Jun, Xin, Lei, Ying, Tao, Mei, Chen, Yu, Hui, Zhen, Ling, Kai, Xiaoming'),
    family: split('Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, Lin, He, Tan, Lim, Ng, Lee'),
    familyFirst: true,
  },
  ja: {
    given: split('Haruto, Yui, Sota, Hina, Yuto, Aoi, Ren, Sakura, Daiki, Yuna, Kenji, Akiko, Takumi, Misaki, Hiroshi, Naoko, Kaito, Emi'),
    family: split('Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, Yamada, Sasaki, Matsumoto, Inoue, Kimura'),
    familyFirst: true,
  },
  ko: {
    given: split('Min-jun, Seo-yeon, Ji-ho, Ha-eun, Do-yun, Ji-woo, Joon-ho, Soo-min, Hyun-woo, Ye-jin, Sung-min, Da-eun'),
    family: split('Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin'),
    familyFirst: true,
  },
  sea: {
    given: split('Putri, Budi, Siti, Agus, Dewi, Rizky, Ayu, Andi, Maria, Jose, Angelica, Mark, Kristine, Paolo, Anh, Minh, Linh, Tuan, Somchai, Nattaya, Arief, Nurul'),
    family: split('Santoso, Wijaya, Hidayat, Saputra, Kusuma, Pratama, Reyes, Cruz, Bautista, Garcia, Mendoza, Dela Cruz, Nguyen, Tran, Le, Pham, Hoang, Phan, Srisuk, Wongsa, Tan, Abdullah'),
  },
};

/** The name list for a country's culture key (geo-data.ts), falling back to English. */
export function namesFor(culture: string): NameList {
  const alias: Record<string, string> = {
    ng: 'africa', ke: 'africa', za: 'africa', pk: 'in', bd: 'in', sg: 'zh', id: 'sea', ph: 'sea', vi: 'sea', th: 'sea',
  };
  return NAMES[culture] ?? NAMES[alias[culture] ?? 'en'] ?? NAMES['en']!;
}

/** Cultures to draw from for the share of users whose name does not follow their country. */
export const CULTURES: readonly string[] = Object.keys(NAMES);
