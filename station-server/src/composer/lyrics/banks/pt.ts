// Portuguese (Brazilian) lyric bank: você, end rhyme, gender-neutral toward recipient and sender
// (no obrigado/obrigada: "eu te agradeço" needs no gender).
import type { LyricBank } from '../bank.js';

export const PT: LyricBank = {
  verse: {
    love: [
      ['Desde que você chegou', 'tudo em mim se iluminou'],
      ['Seu riso enche a casa', 'e o tempo nem passa'],
      ['Segura a minha mão na estrada', 'com você não falta nada'],
    ],
    gratitude: [
      ['Você me deu mais do que eu pedi', 'um lugar pra ser feliz aqui'],
      ['Quando eu não sabia o que fazer', 'você me ensinou a crescer'],
      ['Por cada noite sem dormir', 'por cada vez que me fez sorrir'],
    ],
    encouragement: [
      ['A montanha parece alta', 'mas um passo é o que falta'],
      ['Se a dúvida gritar mais forte', 'cante alto, desafie a sorte'],
      ['A tempestade vai passar', 'e o sol de novo vai brilhar'],
    ],
    celebration: [
      ['Acende as velas, aumenta o som', 'que hoje tudo está no tom'],
      ['Mais um ano, mais uma estrada', 'uma página nova e dourada'],
      ['Chama a galera, que tem festa', 'e a noite inteira é o que resta'],
    ],
    apology: [
      ['Eu disse coisas sem pensar', 'e hoje eu quero consertar'],
      ['Eu sei que meu silêncio doeu', 'e quem errou aqui fui eu'],
      ['Desculpa cada palavra dura', 'eu quero ser a sua cura'],
    ],
    'missing-you': [
      ['Sua cadeira está vazia', 'a casa ficou tão fria'],
      ['Eu conto os dias e as horas', 'e a saudade não vai embora'],
      ['A cidade não é igual', 'sem o seu jeito, seu sinal'],
    ],
    pride: [
      ['Eu vi você crescer, lutar', 'e hoje eu vi você chegar'],
      ['Trabalhou sem descansar', 'e agora o mundo vai te olhar'],
      ['Seguiu em frente sob a chuva', 'com a coragem de quem não recua'],
    ],
  },
  chorus: {
    love: [
      { title: 'Só Você', lines: ['Ai, {name}, é só você', 'meu céu, meu sol, meu porquê', 'em cada passo eu vou te ver', 'ai, {name}, é só você'] },
      { title: 'Minha Canção', lines: ['{name}, você é minha canção', 'o compasso do meu coração', 'meu verão e minha razão', '{name}, você é minha canção'] },
    ],
    gratitude: [
      { title: 'Eu Te Agradeço', lines: ['{name}, eu te agradeço', 'por tudo, desde o começo', 'seu carinho não tem preço', '{name}, eu te agradeço'] },
      { title: 'Por Tudo', lines: ['{name}, por tudo o que me deu', 'por cada sonho que nasceu', 'seu carinho me acolheu', '{name}, por tudo o que me deu'] },
    ],
    encouragement: [
      { title: 'Você Consegue', lines: ['Vai, {name}, você consegue', 'não deixa que o medo te pegue', 'que a sua força te carregue', 'vai, {name}, você consegue'] },
      { title: 'Voa Alto', lines: ['Voa alto, {name}, vai', 'o céu te chama e o medo cai', 'não olha pra trás jamais', 'voa alto, {name}, vai'] },
    ],
    celebration: [
      { title: 'Hoje É Seu Dia', lines: ['Hoje é seu dia, {name}', 'que toque a alegria', 'a noite é pura magia', 'hoje é seu dia, {name}'] },
      { title: 'Vamos Celebrar', lines: ['{name}, vamos celebrar', 'a música não vai parar', 'levanta as mãos pro ar', '{name}, vamos celebrar'] },
    ],
    apology: [
      { title: 'Me Perdoa', lines: ['{name}, me perdoa', 'eu sei que errei à toa', 'me dá a mão, a vida é boa', '{name}, me perdoa'] },
      { title: 'Deixa Eu Consertar', lines: ['{name}, deixa eu consertar', 'o que eu quebrei quero curar', 'vamos sentar e conversar', '{name}, deixa eu consertar'] },
    ],
    'missing-you': [
      { title: 'Saudade', lines: ['{name}, que saudade de você', 'a casa espera te rever', 'eu canto até o amanhecer', '{name}, que saudade de você'] },
      { title: 'Volta Logo', lines: ['Volta logo, {name}, volta', 'a lua espera na porta', 'a saudade não me solta', 'volta logo, {name}, volta'] },
    ],
    pride: [
      { title: 'Que Orgulho', lines: ['{name}, que orgulho de você', 'o mundo inteiro pode ver', 'tudo o que fez acontecer', '{name}, que orgulho de você'] },
      { title: 'Você Conseguiu', lines: ['Você conseguiu, {name}', 'o céu ficou mais anil', 'a vitória te sorriu', 'você conseguiu, {name}'] },
    ],
  },
  bridge: {
    love: [['E se o mundo desabar', 'eu vou te encontrar em qualquer lugar']],
    gratitude: [['Eu nunca disse o bastante', 'por isso eu canto a cada instante']],
    encouragement: [['E se cair, eu tô aqui', 'pra te levantar e seguir']],
    celebration: [['Mais uma dança, mais uma canção', 'mais uma noite de emoção']],
    apology: [['Não dá pra apagar o que passou', 'mas dá pra mostrar quem eu sou']],
    'missing-you': [['Fecha os olhos, eu tô aí', 'nessa canção eu tô aqui']],
    pride: [['Do primeiro passo até o fim', 'ninguém te segurou assim']],
  },
  vibe: {
    upbeat: [['Aumenta o som, sente a batida', 'o sol dançando na avenida']],
    heartfelt: [['Escrevo isso com a alma', 'com a voz serena e calma']],
    calm: [['Devagar, a tarde é mansa', 'a luz na janela descansa']],
    epic: [['Estamos na beira do céu', 'com a bandeira erguida ao léu']],
    playful: [['Dá uma volta, faz careta', 'a vida é uma bicicleta']],
    nostalgic: [['Lembra do verão, da chuva no portão', 'das bicicletas e da canção']],
  },
  any: [
    ['Essa canção é pra você', 'com tudo que eu quis dizer'],
    ['Venha o que vier amanhã', 'eu canto ao sol de cada manhã'],
  ],
  rhymes: [
    { words: ['voce', 'porque', 've', 'te', 'bebe', 'ver', 'saber', 'viver', 'dizer'], lines: ['eu canto só pra você', 'e o mundo inteiro vai saber'] },
    { words: ['amor', 'flor', 'calor', 'cor', 'melhor', 'dor', 'sabor', 'favor'], lines: ['você é meu grande amor', 'meu dia fica bem melhor'] },
    { words: ['coracao', 'cancao', 'razao', 'mao', 'chao', 'irmao', 'emocao', 'paixao', 'entao', 'verao'], lines: ['te guardo no meu coração', 'você é minha canção'] },
    { words: ['vida', 'querida', 'ferida', 'avenida', 'dia', 'alegria', 'magia', 'companhia', 'familia'], lines: ['você é a luz da minha vida', 'minha alegria de cada dia'] },
    { words: ['tudo', 'mudo', 'escudo', 'estudo', 'veludo'], lines: ['você é meu porto, meu escudo', 'com você eu tenho tudo'] },
    { words: ['sempre', 'gente', 'frente', 'sente', 'presente', 'mente', 'quente', 'contente', 'diferente'], lines: ['vou te levar comigo sempre', 'com você a vida é diferente'] },
    { words: ['saudade', 'verdade', 'vontade', 'cidade', 'felicidade', 'amizade', 'liberdade', 'metade'], lines: ['te digo isso de verdade', ['você é minha felicidade', ['love', 'gratitude', 'encouragement', 'celebration', 'missing-you', 'pride']]] },
    { words: ['casa', 'asa', 'brasa', 'passa'], lines: ['você me dá asa', 'com você eu tô em casa'] },
    { words: ['mim', 'assim', 'fim', 'jardim', 'sim', 'enfim'], lines: ['você é tudo pra mim', 'essa história não tem fim'] },
    { words: ['aqui', 'ti', 'vivi', 'senti', 'sorri', 'ali', 'daqui'], lines: ['eu sempre vou estar aqui', 'foi com você que eu sorri'] },
    { words: ['mundo', 'segundo', 'profundo', 'fundo'], lines: ['você é o melhor do mundo', 'penso em você a cada segundo'] },
  ],
  free: ['e eu te digo com o coração', 'escuta bem o que eu vou dizer', 'era isso que eu queria falar', 'eu repito mais uma vez'],
  shortFrames: ['{phrase}, de verdade', 'eu te digo: {phrase}'],
};
